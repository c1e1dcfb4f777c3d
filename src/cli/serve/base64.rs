//! Base64 (RFC 4648, standard alphabet) for the API's `markdown_base64`
//! and `annotated_base64`: JSON strings can only carry text, and an article
//! in Latin-1 or UTF-16 has to arrive as its own bytes to be decoded as the
//! command line decodes a file. A few lines here spare a dependency.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes base64 with or without its `=` padding; the error names the
/// first character that is not base64, by its offset in the string.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 || body.len() % 4 == 1 {
        return Err("markdown_base64 is not base64: its length is wrong".into());
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (i, c) in body.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => {
                return Err(format!(
                    "markdown_base64 is not base64: {:?} at offset {i}",
                    text[i..].chars().next().unwrap_or('?')
                ))
            }
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let e = encode(&data[..n]);
            assert_eq!(decode(&e).unwrap(), &data[..n], "{e}");
            assert_eq!(decode(e.trim_end_matches('=')).unwrap(), &data[..n]);
        }
        assert_eq!(encode(b"Man"), "TWFu");
        assert_eq!(encode(b"Ma"), "TWE=");
        assert_eq!(decode("TWE=").unwrap(), b"Ma");
    }

    #[test]
    fn garbage_is_named() {
        let e = decode("TW!u").unwrap_err();
        assert!(e.contains("'!' at offset 2"), "{e}");
        assert!(decode("TWFuT").is_err());
        assert!(decode("T===").is_err());
    }
}
