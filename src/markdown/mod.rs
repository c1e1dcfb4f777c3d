//! Markdown to prose: the only place that talks to pulldown-cmark.
//!
//! Claim detection needs running text (`Prose::text`) without markup, but the annotator writes
//! into the original bytes. So the plain text is built from the parser's offset events, and every
//! piece of it remembers where it came from ([`Segment`]). Text that is not prose (code, HTML,
//! URLs, image alt text, front matter) never reaches the plain text, so no rule can fire on it.
//!
//! The pulldown-cmark offset pitfalls this module is built around: ranges are bytes; an entity
//! (`&amp;` → `&`) is shorter than its source; an escape's backslash (also a table's `\|`) lies
//! in a gap between two Text events; `_`, `[` and `*` split runs; breaks cover `\n`, `\r\n`,
//! two spaces + newline or backslash + newline; container prefixes (`> `, list indentation) lie
//! in gaps; an autolink's URL and an image's alt text arrive as ordinary Text; a BOM stays inside
//! the first Text; and `---` … `---` is a metadata block anywhere, not only at the start. The
//! tests pin each of them, and run every CommonMark spec example through the invariants.

mod chunks;
mod comments;
mod front_matter;
pub mod opaque;
mod prose;
mod walk;

pub use self::front_matter::FrontMatter;
pub use self::prose::{Block, BlockKind, Comment, Prose, Segment, SegmentKind, MAX_LEN};

use pulldown_cmark::Options;

/// Options used for every parse, here and in tests elsewhere (tables, footnotes, strikethrough,
/// task lists, YAML (---) and TOML (+++) metadata blocks; NO smart punctuation).
///
/// Smart punctuation stays off because it turns `--` (2 bytes) into `–` (3 bytes) and splits
/// quotes into separate events, which breaks the 1:1 verbatim mapping; scare quotes are read
/// from the source characters instead.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// Options for the Markdown *after* the front matter: [`options`] without metadata blocks.
///
/// pulldown-cmark 0.13.6 also accepts a metadata block in the middle of a document (a `---` line,
/// any non-blank line, later a `---` line), which would hide that prose as "metadata". Front
/// matter is only ever at the start, so [`prose`] recognises it itself, cuts it off, and parses the
/// rest with these options. For a document with front matter, this gives the same events as
/// `options()` on the whole document unless a second, mid-document metadata block appears.
pub fn body_options() -> Options {
    let mut o = options();
    o.remove(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    o.remove(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    o
}

/// Where the Markdown body starts: after a BOM and any front matter. Parsing
/// `&src[start..]` with [`body_options`] and adding `start` to every range gives the events
/// [`prose`] walks, for anyone who needs the same events (e.g. to find a link's end).
pub fn body_start(src: &str) -> usize {
    let (doc, bom) = strip_bom(src);
    bom + front_matter::find(doc).map_or(0, |f| f.body_start)
}

/// Never panics, on any input. A document over [`MAX_LEN`] bytes gets no
/// prose at all: its offsets do not fit the map (the engine reports it).
pub fn prose(src: &str) -> Prose {
    if src.len() > MAX_LEN {
        return Prose::default();
    }
    let (doc, bom) = strip_bom(src);
    let found = front_matter::find(doc);
    let (body_start, front_matter) = match &found {
        Some(f) => (f.body_start, front_matter::facts(doc, f, bom)),
        None => (0, FrontMatter::default()),
    };
    let body = doc.get(body_start..).unwrap_or("");
    // Capacity guesses from typical articles: plain text is a little shorter than its source,
    // a segment is a text run between two inline markers, a block a paragraph.
    let out = Prose {
        text: String::with_capacity(body.len()),
        segments: Vec::with_capacity(body.len() / 24 + 4),
        blocks: Vec::with_capacity(body.len() / 200 + 2),
        front_matter,
        comments: Vec::new(),
        label_links: Vec::new(),
    };
    walk::walk(body, bom + body_start, body_options(), out)
}

/// The BOM's bytes stay in the source (and so in every offset) but are never parsed: inside
/// the first Text event it would glue itself to the first word, and it would hide front matter.
fn strip_bom(src: &str) -> (&str, usize) {
    match src.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, '\u{FEFF}'.len_utf8()),
        None => (src, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::prose::check_invariants;
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Parser, Tag};

    fn assert_ok(src: &str, what: &str) {
        let p = prose(src);
        if let Err(e) = check_invariants(src, &p) {
            panic!("{what}: {e}\nsource: {src:?}\nprose: {p:#?}");
        }
    }

    /// Our front-matter recogniser must agree with pulldown-cmark's at byte 0 (with [`options`]),
    /// and the body parse must then give the same events as pulldown-cmark does after its
    /// metadata block, unless the document has a second, mid-document metadata block.
    fn check_front_matter_agreement(src: &str) -> Result<(), String> {
        let (doc, bom) = strip_bom(src);
        let mut full = Parser::new_ext(doc, options())
            .into_offset_iter()
            .peekable();
        let theirs = match full.peek() {
            Some((Event::Start(Tag::MetadataBlock(_)), r)) if r.start == 0 => Some(r.clone()),
            _ => None,
        };
        let found = front_matter::find(doc);
        let ours = found.as_ref().map(|f| f.range.clone());
        if ours != theirs {
            return Err(format!(
                "front matter: ours {ours:?}, pulldown-cmark {theirs:?}"
            ));
        }
        let start = body_start(src) - bom;
        let mut full: Vec<_> = full.collect();
        if theirs.is_some() {
            // Drop the metadata block's own events.
            let end = full
                .iter()
                .position(|(e, _)| {
                    matches!(e, Event::End(pulldown_cmark::TagEnd::MetadataBlock(_)))
                })
                .ok_or("metadata block without end")?;
            full.drain(..=end);
        }
        if full
            .iter()
            .any(|(e, _)| matches!(e, Event::Start(Tag::MetadataBlock(_))))
        {
            return Ok(()); // the case body_options() exists for
        }
        let body = doc.get(start..).ok_or("body start not a boundary")?;
        let ours: Vec<_> = Parser::new_ext(body, body_options())
            .into_offset_iter()
            .map(|(e, r)| (e, r.start + start..r.end + start))
            .collect();
        if ours != full {
            return Err(format!("events differ:\nours {ours:?}\nfull {full:?}"));
        }
        Ok(())
    }

    /// The Markdown of every CommonMark spec example, in order.
    fn spec_examples() -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/commonmark-spec.json"
        );
        let json = std::fs::read_to_string(path).unwrap();
        let examples: serde_json::Value = serde_json::from_str(&json).unwrap();
        let examples: Vec<String> = examples
            .as_array()
            .unwrap()
            .iter()
            .map(|ex| ex["markdown"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(examples.len(), 655);
        examples
    }

    #[test]
    fn commonmark_spec_examples() {
        for (i, md) in spec_examples().iter().enumerate() {
            let md = md.as_str();
            assert_ok(md, &format!("spec example {}", i + 1));
            assert_ok(
                &md.replace('\n', "\r\n"),
                &format!("spec example {} (CRLF)", i + 1),
            );
            assert_ok(
                &format!("\u{FEFF}{md}"),
                &format!("spec example {} (BOM)", i + 1),
            );
            let fm = format!("---\nlang: en\n---\n{md}");
            assert_ok(&fm, &format!("spec example {} (front matter)", i + 1));
            check_front_matter_agreement(md).unwrap();
            check_front_matter_agreement(&fm).unwrap();
        }
    }

    /// Prose of `body` parsed in pieces cut wherever the cut rule allows, and parsed whole.
    fn pieces_and_whole(body: &str) -> (Prose, Prose) {
        let parse = |piece| walk::walk_in_pieces(body, 0, body_options(), Prose::default(), piece);
        (parse(1), parse(usize::MAX))
    }

    #[test]
    fn pieces_give_the_prose_of_one_parse_on_every_spec_example() {
        let mut all = String::new();
        let mut cut = 0;
        for (i, md) in spec_examples().iter().enumerate() {
            let md = md.as_str();
            let (pieces, whole) = pieces_and_whole(md);
            assert_eq!(pieces, whole, "spec example {}: {md:?}", i + 1);
            // Each example after the one before, so unclosed fences and HTML blocks run on
            // into the next; and each on its own after a paragraph, where a cut is allowed.
            all.push_str(md);
            all.push_str("\n\n");
            let after = format!("Lead paragraph.\n\n{md}\n\nClosing paragraph.\n");
            let (pieces, whole) = pieces_and_whole(&after);
            assert_eq!(
                pieces,
                whole,
                "spec example {} between paragraphs: {md:?}",
                i + 1
            );
            cut += chunks::pieces(&after, 1).len() - 1;
        }
        // The rule must actually cut, or this test would prove nothing.
        assert!(cut > 600, "only {cut} cuts");
        let all = all.replace("]:", "] :");
        assert!(chunks::pieces(&all, 1).len() > 20);
        let (pieces, whole) = pieces_and_whole(&all);
        assert_eq!(pieces, whole, "all spec examples in a row");
    }

    /// A Markdown-ish alphabet: single characters plus a few tokens that random single
    /// characters would rarely assemble (entities, comment delimiters, fences, delimiters).
    const PIECES: &[&str] = &[
        "a",
        "b",
        "L",
        "x",
        "open",
        " source",
        " ",
        " ",
        "\n",
        "\n",
        "\r\n",
        "#",
        ">",
        "-",
        "*",
        "_",
        "`",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        ";",
        "|",
        "\\",
        "1",
        "2",
        "é",
        "\u{a0}",
        ":",
        "^",
        "=",
        "\"",
        "~",
        "\t",
        "    ",
        "&amp;",
        "&nbsp;",
        "&#39;",
        "<!--",
        "-->",
        "```",
        "---",
        "+++",
        "...",
        "[^1]",
        "http://x.y",
        "<div>",
        "</div>",
        "\u{FEFF}",
        "\r",
    ];

    fn markdownish() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(PIECES);
        (
            any::<bool>(),
            proptest::sample::select(
                &["", "", "---\n", "+++\n", "---\r\n", "--- \n", "----\n"][..],
            ),
            proptest::collection::vec(piece, 0..80),
        )
            .prop_map(|(bom, head, pieces)| {
                let mut s = String::with_capacity(128);
                if bom {
                    s.push('\u{FEFF}');
                }
                s.push_str(head);
                for p in pieces {
                    s.push_str(p);
                }
                s
            })
    }

    /// Documents that start with something close to front matter, so that the recogniser's
    /// edge cases (blank first line, `...`, `----`, trailing spaces, CRLF, no closer) come up often.
    fn front_matterish() -> impl Strategy<Value = String> {
        let open = proptest::sample::select(&["---", "+++", "----", "--- ", "---\t"][..]);
        let eol = proptest::sample::select(&["\n", "\r\n", "\r", ""][..]);
        let line = proptest::sample::select(
            &[
                "lang: nl",
                "date: 2024-10-03",
                "lang = \"en\"",
                "",
                " ",
                "x",
                "---",
                "...",
                "+++",
                "----",
                "--- ",
                "  lang: de",
            ][..],
        );
        (
            any::<bool>(),
            open,
            eol.clone(),
            proptest::collection::vec((line, eol), 0..6),
            markdownish(),
        )
            .prop_map(|(bom, open, eol, lines, rest)| {
                let mut s = String::with_capacity(128);
                if bom {
                    s.push('\u{FEFF}');
                }
                s.push_str(open);
                s.push_str(eol);
                for (line, eol) in lines {
                    s.push_str(line);
                    s.push_str(eol);
                }
                s.push_str(&rest);
                s
            })
    }

    fn any_doc() -> impl Strategy<Value = String> {
        prop_oneof![3 => markdownish(), 1 => front_matterish()]
    }

    /// Documents of whole lines drawn from the blocks that could hold a cut back: fences,
    /// HTML blocks, containers, code, tables, and the letter lines where a cut may fall.
    fn linewise() -> impl Strategy<Value = String> {
        const LINES: &[&str] = &[
            "Text.",
            "Text.",
            "open source",
            "",
            "",
            "",
            "```",
            "````",
            "~~~",
            "  ```",
            "``` a`b",
            "```rust",
            "``` ",
            "```\t",
            "```\u{a0}",
            "~~~ ```",
            "   ~~~",
            "\t```",
            "- item",
            "  indented",
            "    code",
            "\tcode",
            "> quote",
            ">",
            "> ```",
            "- ```",
            "<!--",
            "-->",
            "x -->",
            "<!-- one -->",
            "<!-->",
            "<div>",
            "</div>",
            "<script>",
            "</script>",
            "</SCRIPT>",
            "<pre",
            "<PRE>",
            "</pre>",
            "<style",
            "</style>",
            "<textarea>",
            "</textarea>",
            "<?php",
            "?>",
            "<!DOCTYPE x",
            ">",
            "<![CDATA[",
            "]]>",
            "  <!--",
            "| a | b |",
            "|---|---|",
            "# Heading",
            "1. one",
            "Para `code",
            "`",
            "---",
            "===",
            "* * *",
            " ",
            "\u{b}",
            "\u{c}",
            " \t",
        ];
        let line = proptest::sample::select(LINES);
        let eol = proptest::sample::select(&["\n", "\n", "\n", "\r\n"][..]);
        proptest::collection::vec((line, eol), 0..60).prop_map(|lines| {
            lines
                .into_iter()
                .flat_map(|(l, e)| [l, e])
                .collect::<String>()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn pieces_give_the_prose_of_one_parse(body in linewise()) {
            let (pieces, whole) = pieces_and_whole(&body);
            prop_assert_eq!(pieces, whole, "{:?}", body);
        }

        #[test]
        fn pieces_of_any_document_give_the_prose_of_one_parse(body in markdownish()) {
            let (pieces, whole) = pieces_and_whole(&body);
            prop_assert_eq!(pieces, whole, "{:?}", body);
        }

        #[test]
        fn invariants_hold(src in any_doc()) {
            let p = prose(&src);
            prop_assert!(check_invariants(&src, &p).is_ok(), "{:?}\n{:?}", check_invariants(&src, &p), src);
            for s in &p.segments {
                prop_assert_eq!(p.to_src(s.plain()), Some(s.src()));
            }
        }

        #[test]
        fn front_matter_agrees_with_pulldown_cmark(src in front_matterish()) {
            let r = check_front_matter_agreement(&src);
            prop_assert!(r.is_ok(), "{:?}\n{:?}", r, src);
        }

        #[test]
        fn accessors_never_panic(src in any_doc(), a in 0usize..200, b in 0usize..200) {
            let p = prose(&src);
            let _ = p.to_src(a..b);
            let _ = p.src_offset(a);
            let _ = p.replaceable(a..b);
            let _ = p.block_at(a);
            let _ = p.segments_in(a..b);
            if let Some(r) = p.to_src(a..b) {
                prop_assert!(src.get(r).is_some());
            }
            if let Some(o) = p.src_offset(a) {
                prop_assert!(src.is_char_boundary(o));
                // At a junction the offset is the end of the earlier segment, so either the
                // character before or the one after must be the same in both texts.
                let before = |s: &str, i: usize| s.get(..i).and_then(|s| s.chars().next_back());
                let after = |s: &str, i: usize| s.get(i..).and_then(|s| s.chars().next());
                prop_assert!(
                    (a > 0 && before(&p.text, a) == before(&src, o))
                        || (a < p.text.len() && after(&p.text, a) == after(&src, o))
                );
            }
        }
    }

    #[test]
    fn options_are_as_documented() {
        let o = options();
        assert!(o.contains(Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES));
        assert!(o.contains(Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS));
        assert!(o.contains(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS));
        assert!(o.contains(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS));
        assert!(!o.contains(Options::ENABLE_SMART_PUNCTUATION));
        assert!(!o.contains(Options::ENABLE_HEADING_ATTRIBUTES));
        assert_eq!(
            body_options()
                | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
                | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS,
            o
        );
    }
}
