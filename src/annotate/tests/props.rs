//! Property tests: documents assembled from spec examples, and arbitrary
//! strings built from the pieces annotations are made of.

use super::spec::examples;
use super::{ann, check, verbatim_words, NASTY};
use crate::annotate::{is_annotated, strip, Style};
use proptest::prelude::*;
use std::sync::OnceLock;

fn spec() -> &'static [String] {
    static EXAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    EXAMPLES.get_or_init(examples)
}

/// How a spec example is nested before it joins the document.
#[derive(Debug, Clone, Copy)]
enum Wrap {
    None,
    Quote,
    Item,
    Tabbed,
}

fn wrap(example: &str, how: Wrap) -> String {
    let (first, rest) = match how {
        Wrap::None => return example.to_owned(),
        Wrap::Quote => ("> ", "> "),
        Wrap::Item => ("- ", "  "),
        Wrap::Tabbed => ("1.\t", "\t"),
    };
    let mut out = String::with_capacity(example.len() * 2);
    for (i, line) in example.split_inclusive('\n').enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
    }
    out
}

/// A document: some spec examples, each maybe nested in a block quote or a
/// list item, joined by blank lines or not, then optionally CRLF line
/// endings, a BOM, and no final newline.
fn document() -> impl Strategy<Value = String> {
    let wraps = prop::sample::select(vec![
        Wrap::None,
        Wrap::None,
        Wrap::Quote,
        Wrap::Item,
        Wrap::Tabbed,
    ]);
    (
        prop::collection::vec((0..655usize, wraps, any::<bool>()), 1..5),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(parts, crlf, bom, trim)| {
            let mut doc = String::new();
            for (i, how, blank) in parts {
                doc.push_str(&wrap(&spec()[i], how));
                if blank {
                    doc.push('\n');
                }
            }
            if crlf {
                doc = doc.replace('\n', "\r\n");
            }
            if bom {
                doc.insert(0, '\u{feff}');
            }
            if trim {
                while doc.ends_with(['\n', '\r']) {
                    doc.pop();
                }
            }
            doc
        })
}

/// Pieces that make up annotations, hand-written markup, and text.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "openclaim",
        "openclaim: ",
        "openclaim-",
        "openclaim-footnotes",
        " no-final-newline",
        "{>>",
        "<<}",
        "{~~",
        "~>",
        "~~}",
        "{",
        "}",
        "<!-- ",
        " -->",
        "<!--",
        "-->",
        "[^",
        "]",
        "[",
        "]: ",
        "1",
        "42",
        "a",
        "open source",
        " ",
        "\n",
        "\r\n",
        "\r",
        "<",
        ">",
        "~",
        "é",
        "\u{feff}",
        " Suggestion: ",
    ])
}

/// What a person may write that looks like an annotation: the format
/// without or with a wrong check value, hand-numbered footnotes and a
/// hand-written trailer.
fn look_alike() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "{>>openclaim: kept?<<}",
        "{~~open source~>open weights~~}{>>openclaim: c<<}",
        "{>>openclaim#000000: c<<}",
        "{~~a~>b~~}{>>openclaim#abcdef: c<<}",
        "<!-- openclaim: c -->",
        "<!-- openclaim#123456: c -->",
        "[^openclaim-1]",
        "[^openclaim-1-000000]",
        "\n\n<!-- openclaim-footnotes -->\n[^openclaim-1]: openclaim: c\n",
        "\n\n<!-- openclaim-footnotes -->\n[^openclaim-1-000000]: openclaim: c\n",
        "`{>>openclaim: c<<}`",
        " https://example.com/open-source[^openclaim-1] ",
    ])
}

/// A spec-example document with look-alikes put in at char boundaries.
fn with_look_alikes() -> impl Strategy<Value = String> {
    (
        document(),
        prop::collection::vec((any::<prop::sample::Index>(), look_alike()), 1..6),
    )
        .prop_map(|(doc, adds)| {
            let mut doc = doc;
            for (index, piece) in adds {
                let bounds: Vec<usize> = (0..=doc.len())
                    .filter(|&i| doc.is_char_boundary(i))
                    .collect();
                let at = *index.get(&bounds);
                doc.insert_str(at, piece);
            }
            doc
        })
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn round_trip_and_structure(
        doc in document(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), any::<bool>()), 0..8),
        style in prop::sample::select(Style::ALL.to_vec()),
    ) {
        let words = verbatim_words(&doc);
        let mut anns = Vec::new();
        if !words.is_empty() {
            for (index, with_replacement, nasty) in picks {
                let word = index.get(&words).clone();
                let comment = if nasty { NASTY } else { "Geen open source." };
                anns.push(ann(word, with_replacement.then_some("open weights"), comment));
            }
        }
        anns.sort_by_key(|a| a.term.start);
        anns.dedup_by_key(|a| a.term.start);
        check(&doc, &anns, style);
    }

    /// Arbitrary terms, not only words: the round trip must hold for every
    /// valid annotation list, even where structure is not promised.
    #[test]
    fn round_trip_with_arbitrary_terms(
        doc in document(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), 1..12usize, any::<bool>()), 0..6),
        style in prop::sample::select(Style::ALL.to_vec()),
    ) {
        let bounds: Vec<usize> = (0..=doc.len()).filter(|&i| doc.is_char_boundary(i)).collect();
        let mut anns = Vec::new();
        for (index, len, with_replacement) in cuts {
            let start = *index.get(&bounds);
            let end = bounds.iter().copied().find(|&e| e >= start + len).unwrap_or(doc.len());
            anns.push(ann(start..end, with_replacement.then_some("R"), "c"));
        }
        anns.sort_by_key(|a| a.term.start);
        let out = crate::annotate::render(&doc, &anns, style);
        prop_assert_eq!(strip(&out), doc);
    }

    /// `strip(render(x)) == x` also when `x` holds look-alikes, which strip
    /// never removes.
    #[test]
    fn look_alikes_round_trip(
        doc in with_look_alikes(),
        style in prop::sample::select(Style::ALL.to_vec()),
    ) {
        prop_assert_eq!(strip(&doc), doc.clone());
        prop_assert!(!is_annotated(&doc));
        let anns = super::annotations_for(&verbatim_words(&doc), "Geen open source.");
        let out = crate::annotate::render(&doc, &anns, style);
        prop_assert_eq!(strip(&out), doc);
    }

    #[test]
    fn strip_is_a_fixed_point(text in soup()) {
        let once = strip(&text);
        prop_assert_eq!(strip(&once), once.clone());
        prop_assert_eq!(is_annotated(&text), once != text);
        prop_assert!(!is_annotated(&once));
    }

    #[test]
    fn strip_without_marker_is_identity(text in soup()) {
        let text = text.replace("openclaim", "openclam");
        prop_assert_eq!(strip(&text), text.clone());
        prop_assert!(!is_annotated(&text));
    }

    #[test]
    fn soup_documents_round_trip(
        text in soup(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), 1..8usize, any::<bool>()), 0..6),
        style in prop::sample::select(Style::ALL.to_vec()),
    ) {
        // Any text, once stripped, is a valid input.
        let doc = strip(&text);
        let bounds: Vec<usize> = (0..=doc.len()).filter(|&i| doc.is_char_boundary(i)).collect();
        let mut anns = Vec::new();
        for (index, len, with_replacement) in cuts {
            let start = *index.get(&bounds);
            let end = bounds.iter().copied().find(|&e| e >= start + len).unwrap_or(doc.len());
            anns.push(ann(start..end, with_replacement.then_some("R"), "c"));
        }
        anns.sort_by_key(|a| a.term.start);
        let out = crate::annotate::render(&doc, &anns, style);
        prop_assert_eq!(strip(&out), doc);
    }

    /// Every character of a marker-rich text is a term: every insertion
    /// point, next to every piece of markup, gets tried.
    #[test]
    fn dense_annotations_on_soup(
        text in soup(),
        replace in prop::collection::vec(any::<bool>(), 64),
        style in prop::sample::select(Style::ALL.to_vec()),
    ) {
        let doc = strip(&text);
        let anns: Vec<_> = doc
            .char_indices()
            .zip(replace.iter().cycle())
            .map(|((i, c), &r)| ann(i..i + c.len_utf8(), r.then_some("R"), "c"))
            .collect();
        let out = crate::annotate::render(&doc, &anns, style);
        prop_assert_eq!(strip(&out), doc);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in ".{0,200}") {
        let once = strip(&text);
        prop_assert_eq!(strip(&once), once);
    }
}
