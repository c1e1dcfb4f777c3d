//! Turning text back into the bytes of the encoding it was read in, so a
//! rewritten article stays in its own encoding (and keeps its byte-order
//! mark, which decoding keeps as U+FEFF): a newsroom's Latin-1 or UTF-16
//! archive must not come back as UTF-8 behind its editors' backs.

use std::borrow::Cow;

use crate::error::InputError;
use crate::source::Encoding;
use crate::span::LineIndex;

/// The encoding `bytes` are decoded in by [`crate::source::decode_as`]:
/// the one given, else UTF-16 for a UTF-16 byte-order mark, else UTF-8.
pub fn encoding_of(bytes: &[u8], given: Option<Encoding>) -> Encoding {
    given.unwrap_or(match bytes {
        [0xFF, 0xFE, ..] => Encoding::Utf16Le,
        [0xFE, 0xFF, ..] => Encoding::Utf16Be,
        _ => Encoding::Utf8,
    })
}

/// `text` as bytes in `encoding`. Latin-1 has no room for most of Unicode:
/// the first character it cannot hold is an error at its line and column
/// in `text`, so nothing half-converted is ever written.
pub fn encode<'a>(
    file: &str,
    text: &'a str,
    encoding: Encoding,
) -> Result<Cow<'a, [u8]>, InputError> {
    match encoding {
        Encoding::Utf8 => Ok(Cow::Borrowed(text.as_bytes())),
        Encoding::Utf16Le => Ok(Cow::Owned(
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        )),
        Encoding::Utf16Be => Ok(Cow::Owned(
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        )),
        Encoding::Latin1 => {
            let mut out = Vec::with_capacity(text.len());
            for (at, c) in text.char_indices() {
                match u8::try_from(u32::from(c)) {
                    Ok(b) => out.push(b),
                    Err(_) => {
                        let pos = LineIndex::new(text).position(text, at);
                        return Err(InputError::Unencodable {
                            file: file.to_string(),
                            line: pos.line,
                            column: pos.column,
                            character: c,
                            encoding: encoding.name(),
                        });
                    }
                }
            }
            Ok(Cow::Owned(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::decode_as;

    fn round_trip(bytes: &[u8], given: Option<Encoding>) {
        let enc = encoding_of(bytes, given);
        let text = decode_as("a.md", bytes, given).unwrap();
        assert_eq!(encode("a.md", &text, enc).unwrap(), bytes, "{enc:?}");
    }

    #[test]
    fn every_encoding_gives_back_the_bytes_it_read() {
        round_trip(b"\xEF\xBB\xBFcaf\xC3\xA9\n", None);
        round_trip(b"caf\xC3\xA9\r\n", None);
        round_trip(b"caf\xE9 \xFF\x80\n", Some(Encoding::Latin1));
        let le: Vec<u8> = [0xFF, 0xFE, b'h', 0, 0xE9, 0, b'\n', 0].into();
        round_trip(&le, None);
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'h', 0xD8, 0x3D, 0xDE, 0x00].into();
        round_trip(&be, None);
        round_trip(&[b'h', 0, b'i', 0], Some(Encoding::Utf16Le));
    }

    #[test]
    fn a_character_latin1_cannot_hold_is_located() {
        let e = encode("a.md", "caf\u{e9}\nok \u{2014} no\n", Encoding::Latin1)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.md:2:4: "), "{e}");
        assert!(e.contains("U+2014") && e.contains("latin1"), "{e}");
    }
}
