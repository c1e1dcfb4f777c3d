//! The exact inverse of `render`.
//!
//! Stripping is a single left-to-right pass that copies the text and, each
//! time the copy ends with a complete annotation, cuts it off again (keeping
//! the term of a substitution). Working on the copy rather than the input is
//! what makes the result a fixed point: an annotation that only appears once
//! another one is cut out of its middle is cut too, so stripping twice never
//! removes more than stripping once.
//!
//! To keep that pass linear, the positions of all [delimiter
//! bytes](super::style::is_delimiter) in the copy are kept on a stack. The
//! variable parts of an annotation contain no delimiter, so each annotation
//! is a fixed sequence of consecutive stack entries, and recognising one
//! costs a constant number of comparisons however long its comment is.
//!
//! The footnote trailer is recognised separately, and only as the very end of
//! the text, before the pass: its definition lines contain `[^openclaim-N]`
//! labels that the pass would otherwise cut out one by one.

use super::style::{
    is_delimiter, CRITIC_CLOSE, CRITIC_OPEN, DEF_OPEN, HTML_CLOSE, HTML_OPEN, MARKER, REF_OPEN,
    SUB_ARROW, SUB_CLOSE, SUB_OPEN, TRAILER_MARKER, TRAILER_MARKER_NO_EOL, TRAILER_PREFIX,
};

/// Removes every openclaim annotation, in any style or mix of styles.
///
/// Hand-written CriticMarkup, footnotes and HTML comments lack the
/// `openclaim` marker and are kept byte for byte. For any text `x` on which
/// [`is_annotated`] is false, `strip(&render(x, ..)) == x`.
///
/// The footnote trailer is removed only while it is exactly what `render`
/// wrote, at the very end of the text: once an editor has written below it
/// or changed its line endings, the bytes to remove are no longer known,
/// and only its `[^openclaim-N]` labels go.
#[must_use]
pub fn strip(text: &str) -> String {
    // The fast path: every annotation contains the marker.
    if !text.contains(MARKER) {
        return text.to_owned();
    }
    let mut end = text.len();
    while let Some(start) = text.get(..end).and_then(trailer_start) {
        end = start;
    }
    let body = text.get(..end).unwrap_or(text);
    let mut pass = Pass::with_capacity(body.len());
    pass.feed(body, false);
    pass.out
}

/// True if the text holds at least one openclaim annotation, i.e. if
/// [`strip`] would change it.
#[must_use]
pub fn is_annotated(text: &str) -> bool {
    // A footnote trailer always holds `[^openclaim-N]` labels, which the pass
    // finds on its own, so no separate trailer check is needed.
    text.contains(MARKER) && Pass::with_capacity(text.len()).feed(text, true)
}

/// True if `prefix` ends with something `strip` would read as the
/// substitution half of a CriticMarkup annotation, `{~~T~>R~~}`.
///
/// `render` asks this before inserting a comment-only Critic annotation: if
/// the text before it already ends that way, a comment appended there would
/// be stripped together with that text.
pub(crate) fn ends_with_substitution(prefix: &str) -> bool {
    let b = prefix.as_bytes();
    let Some(r_end) = b.len().checked_sub(SUB_CLOSE.len()) else {
        return false;
    };
    if b.get(r_end..) != Some(SUB_CLOSE.as_bytes()) {
        return false;
    }
    let Some(gt) = last_delimiter(b, r_end) else {
        return false;
    };
    let Some(arrow) = gt.checked_sub(1) else {
        return false;
    };
    if b.get(arrow..=gt) != Some(SUB_ARROW.as_bytes()) {
        return false;
    }
    let Some(q) = last_delimiter(b, arrow) else {
        return false;
    };
    q.checked_sub(2)
        .is_some_and(|open| b.get(open..=q) == Some(SUB_OPEN.as_bytes()))
}

fn last_delimiter(b: &[u8], before: usize) -> Option<usize> {
    b.get(..before)?.iter().rposition(|&c| is_delimiter(c))
}

/// The copy being built, and the positions of the delimiters in it.
struct Pass {
    out: String,
    delims: Vec<usize>,
}

impl Pass {
    fn with_capacity(n: usize) -> Self {
        Pass {
            out: String::with_capacity(n),
            delims: Vec::new(),
        }
    }

    /// Copies `text`, cutting annotations as they complete. Returns whether
    /// anything was cut; with `stop_at_first`, returns at the first cut.
    fn feed(&mut self, text: &str, stop_at_first: bool) -> bool {
        let bytes = text.as_bytes();
        let mut cut = false;
        let mut i = 0;
        while i < bytes.len() {
            let next = bytes
                .get(i..)
                .and_then(|rest| rest.iter().position(|&b| is_delimiter(b)))
                .map_or(bytes.len(), |p| i + p);
            // Delimiters are ASCII, so `i` and `next` are char boundaries.
            self.out.push_str(text.get(i..next).unwrap_or_default());
            let Some(&d) = bytes.get(next) else { break };
            self.delims.push(self.out.len());
            self.out.push(char::from(d));
            let reduced = match d {
                b'}' => self.reduce_critic(),
                b'>' => self.reduce_html(),
                b']' => self.reduce_ref(),
                _ => false,
            };
            if reduced {
                if stop_at_first {
                    return true;
                }
                cut = true;
            }
            i = next + 1;
        }
        cut
    }

    /// The `k`-th delimiter position from the top of the stack (0 = last).
    fn delim(&self, k: usize) -> Option<usize> {
        let n = self.delims.len();
        n.checked_sub(k + 1)
            .and_then(|i| self.delims.get(i))
            .copied()
    }

    fn has_at(&self, at: usize, pat: &str) -> bool {
        self.out.as_bytes().get(at..at + pat.len()) == Some(pat.as_bytes())
    }

    fn cut_from(&mut self, at: usize) {
        self.out.truncate(at);
        while self.delims.last().is_some_and(|&p| p >= at) {
            self.delims.pop();
        }
    }

    /// `{>>openclaim: C<<}`, or `{~~T~>R~~}{>>openclaim: C<<}`, just completed?
    fn reduce_critic(&mut self) -> bool {
        let len = self.out.len();
        let Some(close) = len.checked_sub(CRITIC_CLOSE.len()) else {
            return false;
        };
        if !self.has_at(close, CRITIC_CLOSE) {
            return false;
        }
        // Entries 0..=2 are `<<}`; entry 3 must be the last `>` of `{>>`.
        let Some(open) = self.delim(3).and_then(|gt| gt.checked_sub(2)) else {
            return false;
        };
        if !self.has_at(open, CRITIC_OPEN) || open + CRITIC_OPEN.len() > close {
            return false;
        }
        // Entries 4 and 5 are `{>`; 6..=8 would be `~~}`, 9 and 10 `~>`,
        // 11..=13 `{~~`.
        if let Some((sub, term)) = self.substitution_before(open) {
            let term = self.out.get(term).unwrap_or_default().to_owned();
            self.cut_from(sub);
            // The term holds no delimiter, so no stack entry is needed.
            self.out.push_str(&term);
        } else {
            self.cut_from(open);
        }
        true
    }

    /// Where `{~~T~>R~~}` ends exactly at `end`: its start and T's range.
    fn substitution_before(&self, end: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let close = end.checked_sub(SUB_CLOSE.len())?;
        if !self.has_at(close, SUB_CLOSE) {
            return None;
        }
        let arrow = self.delim(10)?;
        if self.delim(9) != Some(arrow + 1) || !self.has_at(arrow, SUB_ARROW) {
            return None;
        }
        let open = self.delim(11)?.checked_sub(2)?;
        if !self.has_at(open, SUB_OPEN) {
            return None;
        }
        Some((open, open + SUB_OPEN.len()..arrow))
    }

    /// `<!-- openclaim: C -->` just completed?
    fn reduce_html(&mut self) -> bool {
        let len = self.out.len();
        let Some(close) = len.checked_sub(HTML_CLOSE.len()) else {
            return false;
        };
        if !self.has_at(close, HTML_CLOSE) {
            return false;
        }
        // `<` is the only delimiter in `<!-- openclaim: `.
        let Some(open) = self.delim(1) else {
            return false;
        };
        if !self.has_at(open, HTML_OPEN) || open + HTML_OPEN.len() > close {
            return false;
        }
        self.cut_from(open);
        true
    }

    /// `[^openclaim-N]` just completed?
    fn reduce_ref(&mut self) -> bool {
        let Some(open) = self.delim(1) else {
            return false;
        };
        if !self.has_at(open, REF_OPEN) {
            return false;
        }
        let digits = self
            .out
            .as_bytes()
            .get(open + REF_OPEN.len()..self.out.len() - 1);
        if !digits.is_some_and(|d| !d.is_empty() && d.iter().all(u8::is_ascii_digit)) {
            return false;
        }
        self.cut_from(open);
        true
    }
}

/// Where a footnote trailer starts if `text` ends with one: the offset of the
/// blank line (and, for a document without final newline, the line ending)
/// that `render` put before the marker.
fn trailer_start(text: &str) -> Option<usize> {
    let pos = text.rfind(TRAILER_PREFIX)?;
    let rest = text.get(pos..)?;
    let (marker, had_final_newline) = if rest.starts_with(TRAILER_MARKER) {
        (TRAILER_MARKER, true)
    } else if rest.starts_with(TRAILER_MARKER_NO_EOL) {
        (TRAILER_MARKER_NO_EOL, false)
    } else {
        return None;
    };
    let after = rest.get(marker.len()..)?;
    let eol = if after.starts_with("\r\n") {
        "\r\n"
    } else if after.starts_with('\n') {
        "\n"
    } else {
        return None;
    };
    let mut defs = after.get(eol.len()..)?;
    let mut count = 0usize;
    while !defs.is_empty() {
        let line_len = defs.find('\n')? + 1;
        let line = defs.get(..line_len)?.strip_suffix(eol)?;
        if !is_definition(line) {
            return None;
        }
        count += 1;
        defs = defs.get(line_len..)?;
    }
    if count == 0 {
        return None;
    }
    let separator_lines = if had_final_newline { 1 } else { 2 };
    let sep_len = separator_lines * eol.len();
    let start = pos.checked_sub(sep_len)?;
    let sep = text.get(start..pos)?;
    if !sep
        .as_bytes()
        .chunks(eol.len())
        .all(|c| c == eol.as_bytes())
    {
        return None;
    }
    // The marker records whether the original ended with a newline; holding
    // it to that keeps strip from eating a line ending an editor wrote.
    let ended_with_newline = start > 0 && text.as_bytes().get(start - 1) == Some(&b'\n');
    (ended_with_newline == had_final_newline).then_some(start)
}

/// `[^openclaim-N]: openclaim: TEXT` with no delimiter in TEXT.
fn is_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(REF_OPEN) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && rest
            .get(digits..)
            .and_then(|r| r.strip_prefix(DEF_OPEN))
            .is_some_and(|text| !text.bytes().any(is_delimiter))
}
