//! The exact inverse of `render`, and nothing more.
//!
//! An annotation is removed only when all of these hold:
//!
//! - it has exactly the shape `render` writes, with no [delimiter
//!   byte](super::style::is_delimiter) inside its variable parts;
//! - its check value matches its own content (see
//!   [`check_value`](super::style::check_value)), so a hand-written
//!   `{>>openclaim: …<<}`, `[^openclaim-1]` or edited annotation is text;
//! - it stands where `render` can insert (see [`Guard`]): not in code,
//!   HTML, math, front matter, URLs, link destinations, reference-link
//!   labels, wiki links or MDX.
//!
//! A footnote reference goes only together with a matching definition in the
//! trailer, and the trailer only while it is exactly what `render` appended
//! at the very end of the text and adds only its own blocks.
//!
//! Stripping repeats until nothing matches, so that `strip` is a fixed point
//! even for text whose annotations only complete once another is cut out.

use std::collections::HashSet;
use std::ops::Range;

use super::guard::Guard;
use super::structure;
use super::style::{
    check_value, is_delimiter, Kind, CHECK_END, CHECK_LEN, CRITIC_CLOSE, CRITIC_OPEN, DEF_OPEN,
    HTML_CLOSE, HTML_OPEN, MARKER, REF_CLOSE, REF_OPEN, SUB_ARROW, SUB_CLOSE, SUB_OPEN,
    TRAILER_MARKER, TRAILER_MARKER_NO_EOL, TRAILER_PREFIX,
};

/// Removes every annotation that openclaim wrote, in any style or mix of
/// styles, and nothing else.
///
/// For any text `x`, `strip(&render(&strip(x), ..)) == strip(x)`; for text
/// without annotations, `strip(&render(x, ..)) == x`.
#[must_use]
pub fn strip(text: &str) -> String {
    // The fast path: every annotation contains the marker.
    if !text.contains(MARKER) {
        return text.to_owned();
    }
    let Some(mut out) = strip_once(text) else {
        return text.to_owned();
    };
    while let Some(next) = strip_once(&out) {
        out = next;
    }
    out
}

/// True if the text holds at least one openclaim annotation, i.e. if
/// [`strip`] would change it.
#[must_use]
pub fn is_annotated(text: &str) -> bool {
    text.contains(MARKER) && strip_once(text).is_some()
}

/// The number of annotations [`strip`] would remove in one pass (a footnote
/// reference and its definition count once; a trailer alone counts as one).
#[must_use]
pub fn count(text: &str) -> usize {
    if !text.contains(MARKER) {
        return 0;
    }
    let (mut body_end, labels) = trailer(text).unwrap_or((text.len(), HashSet::new()));
    let mut body = text.get(..body_end).unwrap_or(text);
    let mut cuts = allowed_cuts(body, &labels);
    if !labels.is_empty() && !each_label_once(body, &cuts, &labels) {
        body_end = text.len();
        body = text;
        cuts = allowed_cuts(body, &HashSet::new());
    }
    if cuts.is_empty() && body_end < text.len() {
        1
    } else {
        cuts.len()
    }
}

/// One annotation found in the text: the bytes it occupies and, for a
/// substitution, the term to put back.
struct Cut {
    range: Range<usize>,
    keep: Option<Range<usize>>,
}

fn strip_once(text: &str) -> Option<String> {
    let (mut body_end, labels) = trailer(text).unwrap_or((text.len(), HashSet::new()));
    let mut body = text.get(..body_end).unwrap_or(text);
    let mut cuts = allowed_cuts(body, &labels);
    if !labels.is_empty() && !each_label_once(body, &cuts, &labels) {
        // Render writes one reference per note: a trailer whose references
        // are missing, doubled or in protected text was not written as it
        // stands, and stays.
        body_end = text.len();
        body = text;
        cuts = allowed_cuts(body, &HashSet::new());
    }
    if cuts.is_empty() && body_end == text.len() {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut pos = 0;
    for cut in &cuts {
        out.push_str(body.get(pos..cut.range.start).unwrap_or_default());
        if let Some(keep) = &cut.keep {
            out.push_str(body.get(keep.clone()).unwrap_or_default());
        }
        pos = cut.range.end;
    }
    out.push_str(body.get(pos..).unwrap_or_default());
    Some(out)
}

/// True when the footnote references among `cuts` are exactly one for each
/// label of the trailer.
fn each_label_once(body: &str, cuts: &[Cut], labels: &HashSet<&str>) -> bool {
    let mut seen = HashSet::with_capacity(labels.len());
    for cut in cuts {
        let Some(label) = body
            .get(cut.range.clone())
            .and_then(|c| c.strip_prefix(REF_OPEN))
            .and_then(|c| c.strip_suffix(REF_CLOSE))
        else {
            continue;
        };
        if !seen.insert(label) {
            return false;
        }
    }
    seen.len() == labels.len()
}

/// Every well-formed annotation with a valid check value that stands where
/// annotations may stand.
fn allowed_cuts(body: &str, labels: &HashSet<&str>) -> Vec<Cut> {
    let candidates = candidates(body, labels);
    if candidates.is_empty() {
        return candidates;
    }
    // Parsing costs more than the scan, so it waits for a real candidate.
    let guard = Guard::new(body);
    candidates
        .into_iter()
        .filter(|c| guard.allows(&c.range))
        .collect()
}

fn candidates(body: &str, labels: &HashSet<&str>) -> Vec<Cut> {
    let b = body.as_bytes();
    let mut cuts = Vec::new();
    let mut i = 0;
    while let Some(p) = b
        .get(i..)
        .and_then(|r| r.iter().position(|&c| matches!(c, b'{' | b'<' | b'[')))
    {
        let at = i + p;
        let found = match b.get(at) {
            Some(b'{') => substitution_at(body, at).or_else(|| comment_at(body, at, Kind::Critic)),
            Some(b'<') => comment_at(body, at, Kind::Html),
            Some(b'[') => reference_at(body, at, labels),
            _ => None,
        };
        match found {
            Some(cut) => {
                i = cut.range.end;
                cuts.push(cut);
            }
            None => i = at + 1,
        }
    }
    cuts
}

/// The bytes from `at` up to the next delimiter (none of them one).
fn free_run(body: &str, at: usize) -> Range<usize> {
    let b = body.as_bytes();
    let len = b.get(at..).map_or(0, |r| {
        r.iter().position(|&c| is_delimiter(c)).unwrap_or(r.len())
    });
    at..at + len
}

/// `{>>openclaim#CHECK: C<<}` or `<!-- openclaim#CHECK: C -->` at `at`,
/// valid for `kind` over `parts` followed by the comment.
fn comment_parsed(body: &str, at: usize, kind: Kind, parts: &[&str]) -> Option<Range<usize>> {
    let (open, close) = match kind {
        Kind::Html => (HTML_OPEN, HTML_CLOSE),
        _ => (CRITIC_OPEN, CRITIC_CLOSE),
    };
    let rest = body.get(at..)?;
    let after_open = rest.strip_prefix(open)?;
    let check = after_open.get(..CHECK_LEN)?;
    if !check
        .bytes()
        .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
    {
        return None;
    }
    let comment_start = at + open.len() + CHECK_LEN + CHECK_END.len();
    if after_open.get(CHECK_LEN..CHECK_LEN + CHECK_END.len())? != CHECK_END {
        return None;
    }
    let run = free_run(body, comment_start);
    // The HTML close starts with a space and "-->", none a delimiter but `>`:
    // the comment is the run minus the " --" before the `>`.
    let comment_end = match kind {
        Kind::Html => run.end.checked_sub(HTML_CLOSE.len() - 1)?,
        _ => run.end,
    };
    if comment_end < comment_start {
        return None;
    }
    let end = comment_end + close.len();
    if body.get(comment_end..end)? != close {
        return None;
    }
    let comment = body.get(comment_start..comment_end)?;
    let mut all: Vec<&str> = parts.to_vec();
    all.push(comment);
    (check_value(kind, &all) == check).then_some(at..end)
}

fn comment_at(body: &str, at: usize, kind: Kind) -> Option<Cut> {
    comment_parsed(body, at, kind, &[]).map(|range| Cut { range, keep: None })
}

/// `{~~T~>R~~}{>>openclaim#CHECK: C<<}` at `at`.
fn substitution_at(body: &str, at: usize) -> Option<Cut> {
    if !body.get(at..)?.starts_with(SUB_OPEN) {
        return None;
    }
    let term = free_run(body, at + SUB_OPEN.len());
    if term.is_empty() || !body.get(term.end..)?.starts_with(SUB_ARROW) {
        return None;
    }
    let repl = free_run(body, term.end + SUB_ARROW.len());
    if !body.get(repl.end..)?.starts_with(SUB_CLOSE) {
        return None;
    }
    let comment_at = repl.end + SUB_CLOSE.len();
    let parts = [body.get(term.clone())?, body.get(repl)?];
    let range = comment_parsed(body, comment_at, Kind::Substitution, &parts)?;
    Some(Cut {
        range: at..range.end,
        keep: Some(term),
    })
}

/// `[^openclaim-LABEL]` at `at`, with LABEL defined in the trailer.
fn reference_at(body: &str, at: usize, labels: &HashSet<&str>) -> Option<Cut> {
    let rest = body.get(at..)?.strip_prefix(REF_OPEN)?;
    let label = rest.get(..free_run(rest, 0).end)?;
    if !rest.get(label.len()..)?.starts_with(REF_CLOSE) || !labels.contains(label) {
        return None;
    }
    Some(Cut {
        range: at..at + REF_OPEN.len() + label.len() + REF_CLOSE.len(),
        keep: None,
    })
}

/// If `text` ends with a footnote trailer exactly as `render` writes it:
/// where the trailer starts (the blank line, and for a document without
/// final newline the line ending, that `render` put before the marker) and
/// the labels it defines.
fn trailer(text: &str) -> Option<(usize, HashSet<&str>)> {
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
    let mut labels = HashSet::new();
    while !defs.is_empty() {
        let line_len = defs.find('\n')? + 1;
        let line = defs.get(..line_len)?.strip_suffix(eol)?;
        labels.insert(definition_label(line, labels.len() + 1)?);
        defs = defs.get(line_len..)?;
    }
    if labels.is_empty() {
        return None;
    }
    let separator_lines = if had_final_newline { 1 } else { 2 };
    let start = pos.checked_sub(separator_lines * eol.len())?;
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
    if ended_with_newline != had_final_newline {
        return None;
    }
    // Appended by render, the trailer adds blocks of its own and changes none
    // of the text's (an unclosed code fence would have swallowed it).
    let body = text.get(..start)?;
    let kept = structure::block_events(text)
        .eq(structure::block_events(body).chain(structure::block_events(text.get(pos..)?)));
    kept.then_some((start, labels))
}

/// The label of `[^openclaim-N-CHECK]: openclaim: TEXT`, numbered `n`, with
/// no delimiter in TEXT and a check value that matches N and TEXT.
fn definition_label(line: &str, n: usize) -> Option<&str> {
    let rest = line.strip_prefix(REF_OPEN)?;
    let label_len = rest.find(DEF_OPEN)?;
    let label = rest.get(..label_len)?;
    let note = rest.get(label_len + DEF_OPEN.len()..)?;
    if note.bytes().any(is_delimiter) {
        return None;
    }
    (label == super::style::footnote_label(n, note)).then_some(label)
}
