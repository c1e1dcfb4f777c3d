//! Turning bytes into text: the one place that decides what is not an article.

use crate::error::InputError;
use crate::span::LineIndex;

/// Decodes `bytes` as an article. A NUL byte in the first 8 KiB marks a
/// binary file (as git and ripgrep decide); invalid UTF-8 is reported at the
/// line and column where decoding failed.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(offset) = head
        .contains(&0)
        .then(|| head.iter().position(|&b| b == 0))
        .flatten()
    {
        return Err(InputError::Binary {
            file: file.to_string(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode("a.md", b"ok\nab\xffc").unwrap_err();
        assert_eq!(err.to_string(), "a.md:2:3: invalid UTF-8 (byte 0xff)");
    }

    #[test]
    fn nul_byte_means_binary() {
        let err = decode("x.md", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(matches!(err, InputError::Binary { offset: 4, .. }));
    }

    #[test]
    fn empty_is_fine() {
        assert_eq!(decode("e.md", b"").unwrap(), "");
    }
}
