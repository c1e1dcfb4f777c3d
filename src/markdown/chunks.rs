//! Where a long document may be parsed in pieces without changing a single event.
//!
//! pulldown-cmark builds a tree of the whole input before the first event, about twice the
//! input's size. A scraped archive page or a year of articles in one file would hold that tree
//! whole; parsed in pieces of a few hundred kilobytes, only one piece's tree is alive at a time.
//!
//! A piece may start only where the parser has closed every block: at a line that starts with
//! an ASCII letter right after a blank line. Such a line cannot continue a list item (it is not
//! indented), a block quote (no `>`), a paragraph or a table (a blank line ended them), an
//! indented code block or an HTML block of kinds 6 and 7 (both end at a blank line). Two things
//! can still run on past a blank line: a fenced code block at the top level and an HTML block
//! of kinds 1–5 (`<script>`, `<!--` …), which end only at their own closing line. The scan
//! follows both where their start is certain: at the left margin, right after a blank line,
//! where no container or paragraph can hold them. A fence or an HTML start anywhere else (in a
//! list item, after a paragraph line, indented) could belong to a block the scan does not
//! follow, so from there on the document is not cut again. Where the scan does follow a block,
//! it must end it exactly where pulldown-cmark 0.13 does (its closing-fence and end-tag rules,
//! which differ from CommonMark's in places), or a later opener would read as a closer; the
//! property tests in `markdown` hold the two to each other on random documents.
//!
//! Link reference and footnote definitions reach across the whole document, so a document with
//! a `]:` anywhere is parsed whole, as is one with a line that ends in a lone `\r`.

use std::ops::Range;

/// The size a piece grows to before the next cut is looked for. Articles are far smaller, so
/// they are always one piece and the parser sees exactly what it did before.
pub const PIECE: usize = 256 * 1024;

/// Consecutive ranges covering `body`, each at least `piece` bytes long except the last.
pub fn pieces(body: &str, piece: usize) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    // A lone `\r` ends a line too; the scan reads lines at `\n` only.
    let lone_cr = || memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
    if body.len() <= piece || lone_cr() || memchr::memmem::find(bytes, b"]:").is_some() {
        let whole = 0..body.len();
        return vec![whole];
    }
    let mut out = Vec::with_capacity(body.len() / piece.max(1) + 1);
    let mut start = 0;
    let mut open = Open::None;
    let mut after_blank = true;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let here = at;
        at += line.len();
        if open == Open::None
            && after_blank
            && here - start >= piece
            && line.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        {
            out.push(start..here);
            start = here;
        }
        open = open.after(line, after_blank);
        if open == Open::Unsure {
            break;
        }
        after_blank = is_blank(line);
    }
    out.push(start..body.len());
    out
}

/// What the scan knows of the blocks a blank line does not end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    /// A fenced code block at the top level: its fence character and length.
    Fence(u8, usize),
    /// An HTML block of kinds 1–5 at the top level, ended by a line holding this.
    Html(&'static str),
    /// A block may be open that the scan does not follow.
    Unsure,
}

impl Open {
    /// The state after `line`, which follows a blank line (or starts the body) if `after_blank`.
    fn after(self, line: &str, after_blank: bool) -> Open {
        match self {
            Open::None => {
                let Some(rest) = indented_at_most_3(line) else {
                    return Open::None;
                };
                let certain = after_blank && rest.len() == line.len();
                if let Some((c, n)) = fence(rest) {
                    // A backtick in a backtick fence's info string makes the line a paragraph.
                    let plain_info = c != b'`' || !rest[n..].contains('`');
                    return if certain && plain_info {
                        Open::Fence(c, n)
                    } else {
                        Open::Unsure
                    };
                }
                let Some((opener, end)) = html_start(rest) else {
                    return Open::None;
                };
                // pulldown-cmark looks for the end from the `<` on.
                let closes_after = rest[opener..].contains(end);
                if closes_after != rest.contains(end) {
                    // The end overlaps the start ("<!-->"): whether it closes is a parser detail.
                    return Open::Unsure;
                }
                match (closes_after, certain) {
                    (true, _) => Open::None,
                    (false, true) => Open::Html(end),
                    (false, false) => Open::Unsure,
                }
            }
            Open::Fence(c, n) => {
                let closes = indented_at_most_3(line).is_some_and(|rest| {
                    fence(rest).is_some_and(|(d, m)| d == c && m >= n && only_spaces(&rest[m..]))
                });
                if closes {
                    Open::None
                } else {
                    self
                }
            }
            Open::Html(end) => {
                if line.contains(end) {
                    Open::None
                } else {
                    self
                }
            }
            Open::Unsure => Open::Unsure,
        }
    }
}

/// Spaces, then the end of the line: what may follow a closing fence (not a tab).
fn only_spaces(tail: &str) -> bool {
    matches!(tail.trim_start_matches(' '), "" | "\n" | "\r\n")
}

/// Only spaces and tabs: a line holding a vertical tab or a form feed, or a no-break space,
/// continues a paragraph.
fn is_blank(line: &str) -> bool {
    line.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// The line after up to three spaces of indentation; None if it is indented further.
fn indented_at_most_3(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    let rest = line.get(spaces..)?;
    (spaces <= 3 && !rest.starts_with('\t')).then_some(rest)
}

/// A fence opening `rest`: its character and length.
fn fence(rest: &str) -> Option<(u8, usize)> {
    let c = *rest.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = rest.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

/// The start of an HTML block of kinds 1–5 that `rest` opens: the opener's length and the
/// text that ends the block, as pulldown-cmark 0.13 decides them (a kind-1 block ends only at
/// its own closing tag, spelled in lower case).
fn html_start(rest: &str) -> Option<(usize, &'static str)> {
    let b = rest.as_bytes();
    if b.first() != Some(&b'<') {
        return None;
    }
    for (tag, end) in [
        ("pre", "</pre>"),
        ("style", "</style>"),
        ("script", "</script>"),
        ("textarea", "</textarea>"),
    ] {
        let name = b.get(1..1 + tag.len());
        if name.is_some_and(|a| a.eq_ignore_ascii_case(tag.as_bytes()))
            && matches!(
                b.get(1 + tag.len()),
                None | Some(b'\t'..=b'\r' | b' ' | b'>')
            )
        {
            return Some((1 + tag.len(), end));
        }
    }
    for (opener, end) in [("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>")] {
        if rest.starts_with(opener) {
            return Some((opener.len(), end));
        }
    }
    if b.get(1) == Some(&b'!') && b.get(2).is_some_and(u8::is_ascii_alphabetic) {
        return Some((2, ">"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(body: &str) -> Vec<&str> {
        pieces(body, 1).into_iter().map(|r| &body[r]).collect()
    }

    #[test]
    fn cuts_before_a_letter_after_a_blank_line() {
        assert_eq!(
            cuts("Eerste alinea.\n\nTweede alinea.\n"),
            ["Eerste alinea.\n\n", "Tweede alinea.\n"]
        );
    }

    #[test]
    fn never_cuts_where_a_container_or_paragraph_goes_on() {
        for body in [
            "- item\n\n  more of the item\n",
            "> quote\n>\n> more\n",
            "para\nstill para\n",
            "1. one\n\n2. two\n",
            "    code\n\n    code\n",
            "- item\n\n  ```\n  code\n```\n\nin a fence opened after the list\n```\n",
            "<div>\n<!--\n\nstill a comment?\n-->\n",
            "Para\n```\n\nfenced\n```\n",
            "``` a`b\n\nnot a fence\n",
            "<!-->\n\nafter\n",
            "| a | b |\n|---|---|\n| c | d |\n",
        ] {
            assert_eq!(cuts(body), [body], "{body:?}");
        }
    }

    #[test]
    fn never_cuts_inside_a_fence_or_an_html_block() {
        for body in [
            "```\ncode\n\ntext in the fence\n```\n",
            "~~~~ rust\n~~~\n\nstill code\n~~~~\n",
            "<!-- a comment\n\nthat goes on\n-->\n",
            "<script>\nlet a;\n\nlet b;\n</script>\n",
            "<PRE>\nx\n\ny\n</pre>\n",
            "<pre\n</SCRIPT>\n\nnot yet the end\n",
            "<script>\n</pre>\n\nonly its own tag ends it\n",
            "```\n```\u{a0}\n\na no-break space is not blank\n",
            "```\n```\t\n\nnor may a tab follow a closing fence\n",
            "Para\n\u{b}\nstill the same paragraph\n",
        ] {
            assert_eq!(cuts(body), [body], "{body:?}");
        }
        assert_eq!(
            cuts("```\nx\n```\n\nafter the fence\n"),
            ["```\nx\n```\n\n", "after the fence\n"]
        );
        assert_eq!(
            cuts("<!-- one line -->\n\nafter\n"),
            ["<!-- one line -->\n\n", "after\n"]
        );
    }

    #[test]
    fn a_document_with_definitions_is_one_piece() {
        let body = "See [the licence][l].\n\nMore.\n\n[l]: https://example.org\n";
        assert_eq!(cuts(body), [body]);
        let body = "```\rcode\r```\r\rText.\n\nMore.\n";
        assert_eq!(cuts(body), [body]);
    }

    #[test]
    fn pieces_cover_the_body_in_order() {
        let body = "A.\n\nB.\n\n```\nC\n\nD\n```\n\nE.\n";
        let p = pieces(body, 3);
        assert_eq!(p.first().map(|r| r.start), Some(0));
        assert_eq!(p.last().map(|r| r.end), Some(body.len()));
        assert!(p.windows(2).all(|w| w[0].end == w[1].start));
        let whole = 0..body.len();
        assert_eq!(pieces(body, 1000), [whole]);
    }
}
