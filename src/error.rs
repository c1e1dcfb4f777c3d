//! Typed errors. Every error about input names the file and, where the input
//! has one, the position, so a batch can report it and go on.

use std::fmt;

/// Why a file could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    #[error("{file}:{line}:{column}: invalid UTF-8 (byte 0x{byte:02x}); if the file is in another encoding, give it with --encoding (e.g. latin1)")]
    InvalidUtf8 {
        file: String,
        line: usize,
        column: usize,
        byte: u8,
    },
    #[error("{file}: binary file (NUL byte at offset {offset}); only Markdown text is checked")]
    Binary { file: String, offset: usize },
    #[error("{file}: binary file, a {kind}, not text; save it as Markdown or plain text (UTF-8) and check that file")]
    NotText { file: String, kind: &'static str },
    #[error("{file}:{line}:{column}: invalid UTF-16 (at byte {offset}); give the right --encoding or save the file as UTF-8")]
    InvalidUtf16 {
        file: String,
        line: usize,
        column: usize,
        offset: usize,
    },
    #[error("{file}:{line}:{column}: the output has {character:?} (U+{code:04X}), which {encoding} cannot hold; nothing was written (convert the file to UTF-8 first)", code = u32::from(*character))]
    Unencodable {
        file: String,
        line: usize,
        column: usize,
        character: char,
        encoding: &'static str,
    },
    #[error("{file}: {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge { file: String, size: u64, limit: u64 },
}

/// A problem in a glossary or configuration file, located to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for DataError {}

/// All problems found while loading a glossary, collected rather than
/// stopping at the first so a user fixes them in one pass.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct GlossaryErrors(pub Vec<DataError>);
