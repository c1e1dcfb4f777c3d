//! Turning bytes into text: the one place that decides what is not an article.

use std::borrow::Cow;

use crate::error::InputError;
use crate::span::LineIndex;

/// A text encoding an article may come in besides UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// ISO-8859-1: every byte is the character with that code.
    Latin1,
}

impl Encoding {
    /// Every encoding, in the order help and error messages list them.
    pub const ALL: [Encoding; 4] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Latin1,
    ];

    /// The name `--encoding` and the API's `encoding` take.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Latin1 => "latin1",
        }
    }
}

impl std::str::FromStr for Encoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "utf-16le" | "utf16le" | "utf-16" => Ok(Encoding::Utf16Le),
            "utf-16be" | "utf16be" => Ok(Encoding::Utf16Be),
            "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" => Ok(Encoding::Latin1),
            _ => Err(format!(
                "unknown encoding '{s}': expected utf-8, utf-16le, utf-16be or latin1"
            )),
        }
    }
}

/// Decodes `bytes` as a UTF-8 article; see [`decode_as`].
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, InputError> {
    decode_as(file, bytes, None)
}

/// Decodes `bytes` as an article. Without an `encoding`, a UTF-16 byte-order
/// mark selects UTF-16 and anything else must be UTF-8: invalid UTF-8 is
/// reported at the line and column where decoding failed. Word, ODF, PDF and
/// ZIP files are named as such, and any other file with a NUL byte in its
/// first 8 KiB is binary (as git and ripgrep decide). UTF-16 text keeps its
/// byte-order mark, as U+FEFF, so a download can keep it too.
pub fn decode_as<'a>(
    file: &str,
    bytes: &'a [u8],
    encoding: Option<Encoding>,
) -> Result<Cow<'a, str>, InputError> {
    match crate::encode::encoding_of(bytes, encoding) {
        Encoding::Utf16Le => return utf16(file, bytes, u16::from_le_bytes),
        Encoding::Utf16Be => return utf16(file, bytes, u16::from_be_bytes),
        Encoding::Latin1 => return Ok(Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect())),
        Encoding::Utf8 => {}
    }
    if let Some(kind) = document_kind(bytes) {
        return Err(InputError::NotText {
            file: file.to_string(),
            kind,
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(offset) = memchr::memchr(0, head) {
        return Err(InputError::Binary {
            file: file.to_string(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(err) => {
            let good = err.valid_up_to();
            // The prefix is valid by construction; fall back to an empty prefix rather than panic.
            let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
            let pos = LineIndex::new(prefix).position(prefix, good);
            Err(InputError::InvalidUtf8 {
                file: file.to_string(),
                line: pos.line,
                column: pos.column,
                byte: bytes.get(good).copied().unwrap_or(0),
            })
        }
    }
}

/// What a file is, by its first bytes, when it is a document format that
/// people save articles in but that is not text.
fn document_kind(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"%PDF-") {
        Some("PDF document")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("Word 97-2003 document (.doc)")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(if has(b"word/") {
            "Word document (.docx)"
        } else if has(b"application/vnd.oasis.opendocument") {
            "OpenDocument file (.odt)"
        } else {
            "ZIP archive"
        })
    } else if bytes.starts_with(b"{\\rtf") {
        Some("RTF document")
    } else {
        None
    }
}

fn utf16<'a>(
    file: &str,
    bytes: &'a [u8],
    unit: fn([u8; 2]) -> u16,
) -> Result<Cow<'a, str>, InputError> {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        // An odd last byte cannot be UTF-16; it decodes to U+FFFD below.
        _ => 0xD800,
    });
    let mut out = String::with_capacity(bytes.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                let pos = LineIndex::new(&out).position(&out, out.len());
                return Err(InputError::InvalidUtf16 {
                    file: file.to_string(),
                    line: pos.line,
                    column: pos.column,
                    offset: i * 2,
                });
            }
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode("a.md", b"ok\nab\xffc").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "a.md:2:3: invalid UTF-8 (byte 0xff); if the file is in another encoding"
            ),
            "{err}"
        );
        // An encoding given by the user decodes it.
        let text = decode_as("a.md", b"caf\xe9", Some(Encoding::Latin1)).unwrap();
        assert_eq!(text, "café");
    }

    #[test]
    fn nul_byte_means_binary() {
        let err = decode("x.md", b"\x01\x02\x00\x00").unwrap_err();
        assert!(matches!(err, InputError::Binary { offset: 2, .. }));
    }

    #[test]
    fn documents_are_named_with_what_to_do() {
        let docx =
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml word/document.xml";
        let e = decode("a.docx", docx).unwrap_err().to_string();
        assert!(e.contains("Word document (.docx)"), "{e}");
        assert!(e.contains("save it as Markdown or plain text"), "{e}");
        let e = decode("a.pdf", b"%PDF-1.7\n%\xe2\xe3")
            .unwrap_err()
            .to_string();
        assert!(e.contains("PDF document"), "{e}");
        let e = decode("a.zip", b"PK\x03\x04\x00\x00")
            .unwrap_err()
            .to_string();
        assert!(e.contains("ZIP archive"), "{e}");
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Llama 3 is open source.\n".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(
            decode("u.md", &le).unwrap(),
            "\u{feff}Llama 3 is open source.\n"
        );
        let be: Vec<u8> = [0xFE, 0xFF, 0x00, b'o', 0xD8, 0x00].into_iter().collect();
        let e = decode("b.md", &be).unwrap_err().to_string();
        assert!(e.starts_with("b.md:1:3: invalid UTF-16"), "{e}");
    }

    #[test]
    fn empty_is_fine() {
        assert_eq!(decode("e.md", b"").unwrap(), "");
    }
}
