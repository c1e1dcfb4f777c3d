//! Front matter at the very start of a document.
//!
//! We recognise the block ourselves instead of trusting the parser's metadata option everywhere:
//! pulldown-cmark 0.13 also treats `---` … `---` in the *middle* of a document as a metadata
//! block, which would silently hide real prose (a horizontal rule followed later by a setext
//! underline is common in articles). So only the block at byte 0 counts, and the recogniser
//! below mirrors pulldown-cmark's own `scan_metadata_block` so that both agree on its extent.
//! The facts we need (`lang`, `date`) come from simple top-level `key: value` / `key = value`
//! lines; a YAML or TOML crate would be a dependency for two strings.

use std::ops::Range;

/// Facts read from front matter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatter {
    /// Source range of the whole block, delimiters included (not the final line ending), as
    /// pulldown-cmark reports it for its metadata block.
    pub range: Option<Range<usize>>,
    /// `lang` or `language`, as written (quotes stripped).
    pub lang: Option<String>,
    /// `date`, cut to `YYYY-MM-DD` or `YYYY-MM` when it starts that way.
    pub date: Option<String>,
}

/// Which delimiter opened the block; it decides the key/value separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `---` … `---` (or `...`), `key: value`.
    Yaml,
    /// `+++` … `+++`, `key = value`.
    Toml,
}

/// A front-matter block found at the start of a text, in that text's offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Opening delimiter to the end of the closing delimiter line's trailing spaces.
    pub range: Range<usize>,
    /// Lines between the delimiter lines.
    pub content: Range<usize>,
    /// Where the Markdown after the block starts (after the closing line's line ending).
    pub body_start: usize,
    pub style: Style,
}

/// Mirrors pulldown-cmark 0.13.6 `scan_metadata_block` + `parse_metadata_block` for a block that
/// starts at byte 0: exactly three delimiter characters and only whitespace on the first line; a
/// first content line that is neither blank nor a closing line; a closing line of exactly three
/// delimiter characters (or `...` for YAML) followed only by spaces. Lines end at `\n`; a lone
/// `\r` also ends a closing line, as in pulldown-cmark.
pub(crate) fn find(doc: &str) -> Option<Found> {
    let bytes = doc.as_bytes();
    let delim = *bytes.first()?;
    let style = match delim {
        b'-' => Style::Yaml,
        b'+' => Style::Toml,
        _ => return None,
    };
    if repeat(bytes, delim) != 3 {
        return None;
    }
    let first_line_end = 3 + next_line(bytes.get(3..)?);
    if !bytes
        .get(3..first_line_end)?
        .iter()
        .all(u8::is_ascii_whitespace)
    {
        return None;
    }
    let mut line = first_line_end;
    let mut first = true;
    while line < bytes.len() {
        let rest = bytes.get(line..)?;
        let closing = closing_line(rest, delim);
        if first && (closing.is_some() || blank_line(rest).is_some()) {
            return None;
        }
        first = false;
        if let Some(n) = closing {
            let end = line + n;
            let eol = bytes.get(end..).and_then(line_ending).unwrap_or(0);
            return Some(Found {
                range: 0..end,
                content: first_line_end..line,
                body_start: end + eol,
                style,
            });
        }
        line += next_line(rest);
    }
    None
}

/// Reads the facts from a block found by [`find`]; `base` turns `doc` offsets into source offsets.
pub(crate) fn facts(doc: &str, found: &Found, base: usize) -> FrontMatter {
    let mut fm = FrontMatter {
        range: Some(found.range.start + base..found.range.end + base),
        lang: None,
        date: None,
    };
    let content = doc.get(found.content.clone()).unwrap_or("");
    let sep = match found.style {
        Style::Yaml => ':',
        Style::Toml => '=',
    };
    for line in content.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // Indented lines belong to nested mappings; only top-level keys describe the article.
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        // A TOML table header ends the top-level keys.
        if found.style == Style::Toml && line.starts_with('[') {
            break;
        }
        let Some((key, value)) = line.split_once(sep) else {
            continue;
        };
        let key = key.trim();
        let Some(value) = scalar(value) else {
            continue;
        };
        if fm.lang.is_none()
            && (key.eq_ignore_ascii_case("lang") || key.eq_ignore_ascii_case("language"))
        {
            fm.lang = Some(value.to_owned());
        } else if fm.date.is_none() && key.eq_ignore_ascii_case("date") {
            fm.date = date_prefix(value).map(str::to_owned);
        }
        if fm.lang.is_some() && fm.date.is_some() {
            break;
        }
    }
    fm
}

/// A plain scalar: quotes stripped, or a trailing `# comment` dropped. Empty values count as absent.
fn scalar(value: &str) -> Option<&str> {
    let value = value.trim();
    let inner = if let Some(rest) = value.strip_prefix('"') {
        rest.split('"').next().unwrap_or("")
    } else if let Some(rest) = value.strip_prefix('\'') {
        rest.split('\'').next().unwrap_or("")
    } else {
        value.split(" #").next().unwrap_or("")
    };
    let inner = inner.trim();
    (!inner.is_empty()).then_some(inner)
}

/// `YYYY-MM-DD` or `YYYY-MM` at the start of a value; times and zones after it are dropped
/// because only the day matters for "as of" comparisons.
fn date_prefix(value: &str) -> Option<&str> {
    let b = value.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let two = |i: usize| value.get(i..i + 2).and_then(|d| d.parse::<u8>().ok());
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)) {
        return None;
    }
    let month = two(5)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let not_digit = |i: usize| !b.get(i).is_some_and(u8::is_ascii_digit);
    if b.get(7) == Some(&b'-') && digits(8..10) && not_digit(10) {
        let day = two(8)?;
        if (1..=31).contains(&day) {
            return value.get(..10);
        }
        return None;
    }
    if not_digit(7) {
        return value.get(..7);
    }
    None
}

fn repeat(bytes: &[u8], c: u8) -> usize {
    bytes.iter().take_while(|&&b| b == c).count()
}

/// Bytes up to and including the next `\n` (or to the end).
fn next_line(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| i + 1)
}

/// Length of a line ending at the start of `bytes`; end of input counts as an empty one.
fn line_ending(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [] => Some(0),
        [b'\n', ..] => Some(1),
        [b'\r', b'\n', ..] => Some(2),
        [b'\r', ..] => Some(1),
        _ => None,
    }
}

fn blank_line(bytes: &[u8]) -> Option<usize> {
    let ws = bytes
        .iter()
        .take_while(|&&b| matches!(b, b'\t' | 0x0b | 0x0c | b' '))
        .count();
    line_ending(bytes.get(ws..)?).map(|n| ws + n)
}

/// Length of a closing delimiter plus its trailing spaces, without the line ending.
fn closing_line(bytes: &[u8], delim: u8) -> Option<usize> {
    let mut n = repeat(bytes, delim);
    if n != 3 {
        if delim != b'-' {
            return None;
        }
        n = repeat(bytes, b'.');
        if n != 3 {
            return None;
        }
    }
    n += repeat(bytes.get(n..)?, b' ');
    line_ending(bytes.get(n..)?).map(|_| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_like_pulldown_cmark() {
        // (input, expected range, expected body start)
        type Case = (&'static str, Option<(Range<usize>, usize)>);
        let cases: &[Case] = &[
            ("---\nlang: en\n---\nHi", Some((0..16, 17))),
            ("---\nlang: en\n...\nHi", Some((0..16, 17))),
            ("+++\nlang = 'nl'\n+++\r\nHi", Some((0..19, 21))),
            ("---\r\nlang: nl\r\n---\r\nHi", Some((0..18, 20))),
            ("---  \nx\n---   ", Some((0..14, 14))),
            ("---\nx\n---", Some((0..9, 9))),
            ("---\nx\n---\rHi", Some((0..9, 10))),
            ("---\n\nx\n---\n", None), // first content line blank
            ("---\n---\n", None),      // empty block
            ("----\nx\n----\n", None), // four dashes
            ("---\nx\n----\n", None),  // never closed
            ("---\nx\n--- y\n", None), // text after the closer
            ("---x\ny\n---\n", None),  // text after the opener
            ("+++\nx\n...\n", None),   // `...` closes YAML only
            (" ---\nx\n---\n", None),  // indented
            ("---\nx\n ---\n---\n", Some((0..14, 15))),
            ("", None),
            ("-", None),
        ];
        for (input, expected) in cases {
            let got = find(input).map(|f| (f.range, f.body_start));
            assert_eq!(&got, expected, "input {input:?}");
        }
    }

    #[test]
    fn reads_lang_and_date() {
        // (input, lang, date)
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "---\nlang: nl\ndate: 2024-10-03\n---\n",
                Some("nl"),
                Some("2024-10-03"),
            ),
            (
                "---\nlanguage: \"en-GB\"\ndate: '2024-10'\n---\n",
                Some("en-GB"),
                Some("2024-10"),
            ),
            (
                "---\ndate: 2024-10-03T10:00:00+02:00\n---\n",
                None,
                Some("2024-10-03"),
            ),
            (
                "---\r\nlang: nl\r\ndate: 2024-01-31\r\n---\r\n",
                Some("nl"),
                Some("2024-01-31"),
            ),
            (
                "+++\nlang = \"nl\"\ndate = 2023-05-06\n+++\n",
                Some("nl"),
                Some("2023-05-06"),
            ),
            (
                "+++\ntitle = \"x\"\n[params]\nlang = \"nl\"\n+++\n",
                None,
                None,
            ),
            ("---\nparams:\n  lang: nl\n---\n", None, None),
            ("---\nlang: nl # Dutch\n---\n", Some("nl"), None),
            ("---\nlang:\ndate: October 3, 2024\n---\n", None, None),
            ("---\ndate: 2024-13-01\n---\n", None, None),
            ("---\ndate: 2024-10-3\n---\n", None, Some("2024-10")),
            ("---\ndate: 20241003\n---\n", None, None),
            ("---\nLang: fr\nlang: de\n---\n", Some("fr"), None),
            ("---\nlang = nl\n---\n", None, None), // YAML block, TOML syntax
        ];
        for (input, lang, date) in cases {
            let found = find(input).expect("front matter");
            let fm = facts(input, &found, 0);
            assert_eq!(fm.lang.as_deref(), *lang, "lang of {input:?}");
            assert_eq!(fm.date.as_deref(), *date, "date of {input:?}");
            assert_eq!(fm.range, Some(found.range.clone()));
        }
    }

    #[test]
    fn offsets_by_base() {
        let doc = "---\nlang: nl\n---\n";
        let found = find(doc).expect("front matter");
        assert_eq!(facts(doc, &found, 3).range, Some(3..19));
    }
}
