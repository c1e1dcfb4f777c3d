//! HTML comments, for in-document switches such as `<!-- openclaim-disable -->`.
//!
//! pulldown-cmark gives an HTML block one `Html` event per line (a CRLF line even becomes two:
//! the line without `\r\n`, then `"\n"`), and the line of a nested block comes without its
//! container prefix. A comment can also sit in the middle of a line of other HTML. So comments
//! are found by scanning the source text of consecutive HTML events, carrying an open comment
//! from one event to the next; the caller resets the scanner at every block boundary, so an
//! unclosed `<!--` never swallows a later, unrelated `-->`.

use super::prose::Comment;

/// Carries a comment that one HTML event opened and a later one may close.
#[derive(Debug, Default)]
pub(crate) struct Scanner {
    /// Source offset of `<!--`, and the inner text collected so far.
    open: Option<(usize, String)>,
}

impl Scanner {
    /// Scans the source text `piece` of one `Html`/`InlineHtml` event, which starts at source
    /// offset `at`.
    pub(crate) fn feed(&mut self, piece: &str, at: usize, out: &mut Vec<Comment>) {
        let mut pos = 0;
        loop {
            let Some(rest) = piece.get(pos..) else {
                return;
            };
            if let Some((start, mut inner)) = self.open.take() {
                match rest.find("-->") {
                    Some(i) => {
                        inner.push_str(rest.get(..i).unwrap_or(""));
                        out.push(Comment {
                            src: start..at + pos + i + 3,
                            text: clean(&inner),
                        });
                        pos += i + 3;
                    }
                    None => {
                        inner.push_str(rest);
                        self.open = Some((start, inner));
                        return;
                    }
                }
            } else {
                let Some(i) = rest.find("<!--") else {
                    return;
                };
                let open = pos + i;
                // Searching for `-->` from the second dash makes `<!-->` and `<!--->` complete,
                // empty comments, as CommonMark 0.31 defines them.
                let from = open + 2;
                match piece.get(from..).and_then(|s| s.find("-->")) {
                    Some(j) => {
                        let close = from + j;
                        out.push(Comment {
                            src: at + open..at + close + 3,
                            text: clean(piece.get(open + 4..close).unwrap_or("")),
                        });
                        pos = close + 3;
                    }
                    None => {
                        let inner = piece.get(open + 4..).unwrap_or("").to_owned();
                        self.open = Some((at + open, inner));
                        return;
                    }
                }
            }
        }
    }

    /// Forgets an unclosed comment: it is not a comment a reader would see as closed.
    pub(crate) fn reset(&mut self) {
        self.open = None;
    }
}

/// Trimmed, with CR dropped so CRLF and LF files give the same directive text.
fn clean(inner: &str) -> String {
    let t = inner.trim();
    if t.contains('\r') {
        t.replace('\r', "")
    } else {
        t.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(pieces: &[(&str, usize)]) -> Vec<Comment> {
        let mut s = Scanner::default();
        let mut out = Vec::new();
        for (piece, at) in pieces {
            s.feed(piece, *at, &mut out);
        }
        out
    }

    fn c(src: std::ops::Range<usize>, text: &str) -> Comment {
        Comment {
            src,
            text: text.to_owned(),
        }
    }

    #[test]
    fn scans_comments() {
        // (event pieces with their offsets, expected comments)
        type Case = (&'static [(&'static str, usize)], Vec<Comment>);
        let cases: &[Case] = &[
            (
                &[("<!-- openclaim-disable -->", 0)],
                vec![c(0..26, "openclaim-disable")],
            ),
            (&[("<!-->", 5)], vec![c(5..10, "")]),
            (&[("<!--->", 0)], vec![c(0..6, "")]),
            (&[("<!---->", 0)], vec![c(0..7, "")]),
            (&[("<!-- a -- b -->", 0)], vec![c(0..15, "a -- b")]),
            (
                &[("<div><!-- x --></div><!--y-->\n", 0)],
                vec![c(5..15, "x"), c(21..29, "y")],
            ),
            // One comment over three HTML-block lines, the CRLF split included.
            (
                &[("<!-- a", 0), ("\n", 7), ("b -->", 8)],
                vec![c(0..13, "a\nb")],
            ),
            (&[("<!-- a\r\nb -->", 0)], vec![c(0..13, "a\nb")]),
            (&[("<!-- never closed", 0)], vec![]),
            (&[("<!- x -->", 0)], vec![]),
            (&[("é<!--é-->", 0)], vec![c(2..11, "é")]),
        ];
        for (pieces, expected) in cases {
            assert_eq!(&scan(pieces), expected, "pieces {pieces:?}");
        }
    }

    #[test]
    fn reset_drops_unclosed() {
        let mut s = Scanner::default();
        let mut out = Vec::new();
        s.feed("<!-- a", 0, &mut out);
        s.reset();
        s.feed("b -->", 10, &mut out);
        assert!(out.is_empty());
    }
}
