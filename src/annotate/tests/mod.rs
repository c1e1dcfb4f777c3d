//! Tests of the annotate module. They live inside it (rather than in the
//! crate's `tests/`) so that the folder can be copied into another crate
//! and bring its tests along; the spec examples are read from
//! `tests/data/commonmark-spec.json` under the crate root.

mod props;
mod spec;
mod unit;

use super::{block_structure, is_annotated, render, strip, Annotation, Style};
use pulldown_cmark::{Event, Parser};

/// A comment that contains every character the sanitiser must neutralise.
pub(super) const NASTY: &str = "x <<} ~~} ~> {a} |b| <c> [d] `e` *f* _g_ \\h --> \
     <!-- i --> {>>j<<} [^k] \t\r\n# l\r\n- m\n=\n+ n";

pub(super) fn ann(
    term: std::ops::Range<usize>,
    replacement: Option<&str>,
    comment: &str,
) -> Annotation {
    Annotation {
        term,
        replacement: replacement.map(str::to_owned),
        comment: comment.to_owned(),
    }
}

/// The annotation for the first occurrence of `word` in `src`.
pub(super) fn at(src: &str, word: &str, replacement: Option<&str>, comment: &str) -> Annotation {
    let start = src.find(word).expect("word in source");
    ann(start..start + word.len(), replacement, comment)
}

/// `text` with every check value replaced by `CHECK`, so that expected
/// outputs can be written out by hand.
pub(super) fn masked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("openclaim") {
        let (head, tail) = rest.split_at(i + "openclaim".len());
        out.push_str(head);
        rest = tail;
        let sep_digits = match rest.as_bytes().first() {
            Some(b'#') => 1,
            Some(b'-') => 1 + rest[1..].bytes().take_while(u8::is_ascii_digit).count() + 1,
            _ => continue,
        };
        let Some(hex) = rest.get(sep_digits..sep_digits + 6) else {
            continue;
        };
        if rest
            .as_bytes()
            .get(sep_digits - 1)
            .is_some_and(|&b| b == b'#' || b == b'-')
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
        {
            out.push_str(&rest[..sep_digits]);
            out.push_str("CHECK");
            rest = &rest[sep_digits + 6..];
        }
    }
    out.push_str(rest);
    out
}

/// Block events the footnote trailer may add at the end: its marker comment
/// and one definition per note.
fn is_trailer_structure(extra: &[String]) -> bool {
    let Some(defs) =
        extra.strip_prefix(&["Start(HtmlBlock)".to_owned(), "End(HtmlBlock)".to_owned()])
    else {
        return false;
    };
    !defs.is_empty()
        && defs.len() % 4 == 0
        && defs.chunks(4).enumerate().all(|(i, c)| {
            c[0].starts_with(&format!("Start(FootnoteDefinition(\"openclaim-{}-", i + 1))
                && c[1] == "Start(Paragraph)"
                && c[2] == "End(Paragraph)"
                && c[3] == "End(FootnoteDefinition)"
        })
}

/// Renders and checks every promise the module makes about the result.
pub(super) fn check(src: &str, anns: &[Annotation], style: Style) -> String {
    assert!(
        !is_annotated(src),
        "test input is already annotated: {src:?}"
    );
    let out = render(src, anns, style);
    assert_eq!(strip(&out), src, "round trip, {style}, rendered {out:?}");
    assert_eq!(strip(&strip(&out)), strip(&out), "strip is a fixed point");
    assert_eq!(is_annotated(&out), out != src, "is_annotated on {out:?}");
    let before = block_structure(src);
    let after = block_structure(&out);
    // A footnote trailer must show up as blocks of its own: one swallowed
    // by an open code block would leave the structure "unchanged".
    let has_trailer = style == Style::Footnote && out.contains("<!-- openclaim-footnotes");
    let kept = if has_trailer {
        after
            .strip_prefix(before.as_slice())
            .is_some_and(is_trailer_structure)
    } else {
        after == before
    };
    assert!(
        kept,
        "block structure changed, {style}\n  src: {src:?}\n  out: {out:?}\n  before: {before:?}\n  after:  {after:?}"
    );
    out
}

/// Annotation points found without any Markdown knowledge beyond the
/// parser's own events: the first run of ASCII letters inside each `Text`
/// event whose source bytes are exactly its text.
pub(super) fn verbatim_words(src: &str) -> Vec<std::ops::Range<usize>> {
    // Parsed without the BOM, as the real analyser does.
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let shift = src.len() - body.len();
    let mut words = Vec::new();
    for (event, range) in Parser::new_ext(body, super::parser_options()).into_offset_iter() {
        let Event::Text(text) = event else { continue };
        if body.get(range.clone()) != Some(&*text) {
            continue;
        }
        let range = range.start + shift..range.end + shift;
        let bytes = text.as_bytes();
        let Some(first) = bytes.iter().position(u8::is_ascii_alphabetic) else {
            continue;
        };
        let len = bytes[first..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let start = range.start + first;
        words.push(start..start + len);
    }
    // Text events come in source order except around footnote definitions
    // and tables; render expects sorted, non-overlapping terms.
    words.sort_by_key(|r| r.start);
    words.dedup_by(|b, a| b.start < a.end);
    words
}

/// Annotations on the given words, alternating replacement and comment-only.
pub(super) fn annotations_for(words: &[std::ops::Range<usize>], comment: &str) -> Vec<Annotation> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| ann(w.clone(), (i % 2 == 0).then_some("X"), comment))
        .collect()
}
