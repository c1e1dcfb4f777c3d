//! The annotated-Markdown invariants over every CommonMark spec example,
//! as written and with claim sentences injected into their prose, and over
//! generated documents: strip(annotate(x)) == x, annotate(annotate(x)) ==
//! annotate(x), the same block structure, and nothing inserted outside prose.

use std::ops::Range;

use openclaim::annotate::{block_structure, strip};
use openclaim::{Engine, Glossary, Options, Style};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const STYLES: [Style; 3] = [Style::Critic, Style::Footnote, Style::Comment];

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Glossary::embedded().clone(), Options::default()))
}

fn spec_examples() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/commonmark-spec.json"
    );
    let json = std::fs::read_to_string(path).expect("spec examples");
    let v: serde_json::Value = serde_json::from_str(&json).expect("spec json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|e| e["markdown"].as_str().expect("markdown").to_string())
        .collect()
}

/// Source ranges of text that is prose: Text events outside code, HTML,
/// images, autolinks and metadata.
fn prose_ranges(src: &str) -> Vec<Range<usize>> {
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let shift = src.len() - body.len();
    let mut out = Vec::new();
    let mut depth_excluded = 0usize;
    for (event, range) in Parser::new_ext(body, openclaim::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock,
            ) => depth_excluded += 1,
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email,
                ..
            }) => depth_excluded += 1,
            Event::End(
                TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock,
            ) => depth_excluded = depth_excluded.saturating_sub(1),
            Event::End(TagEnd::Link) => {}
            Event::Text(_) if depth_excluded == 0 => {
                out.push(range.start + shift..range.end + shift)
            }
            _ => {}
        }
    }
    out
}

fn check_invariants(x: &str) -> Result<(), String> {
    let e = engine();
    let original_blocks = block_structure(x);
    let prose = prose_ranges(x);
    for style in STYLES {
        let (once, result) = e.annotate("t.md", x, style);
        if strip(&once) != x {
            return Err(format!("{style:?}: strip(annotate(x)) != x"));
        }
        let (twice, _) = e.annotate("t.md", &once, style);
        if twice != once {
            return Err(format!("{style:?}: annotate is not idempotent"));
        }
        let blocks = block_structure(&once);
        let same = match style {
            Style::Footnote => {
                blocks.starts_with(&original_blocks[..original_blocks.len().min(blocks.len())])
                    && blocks.len() >= original_blocks.len()
            }
            _ => blocks == original_blocks,
        };
        if !same {
            return Err(format!("{style:?}: block structure changed"));
        }
        for f in &result.findings {
            let inside = prose.iter().any(|r| r.start <= f.start && f.end <= r.end);
            if !inside {
                return Err(format!(
                    "{style:?}: finding at {}..{} is not inside prose text",
                    f.start, f.end
                ));
            }
        }
    }
    Ok(())
}

/// Puts a claim next to every "foo" so spec examples carry claims in
/// paragraphs, headings, lists, tables, links, code and HTML alike.
fn inject(example: &str) -> String {
    example
        .replace("foo", "Meta's open-source Llama 3.2 foo")
        .replace("bar", "bar (GPT-4o is open source)")
}

#[test]
fn every_spec_example_round_trips() {
    let examples = spec_examples();
    assert_eq!(examples.len(), 655);
    let mut failures = Vec::new();
    let mut annotated = 0;
    for (i, ex) in examples.iter().enumerate() {
        for (kind, doc) in [
            ("as written", ex.clone()),
            ("with claims", inject(ex)),
            (
                "crlf+bom",
                format!("\u{feff}{}", inject(ex).replace('\n', "\r\n")),
            ),
        ] {
            if !engine().check("t.md", &doc).findings.is_empty() {
                annotated += 1;
            }
            if let Err(e) = check_invariants(&doc) {
                failures.push(format!("example {} ({kind}): {e}", i + 1));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The injection must actually produce findings, or the test proves nothing.
    assert!(annotated > 300, "only {annotated} documents had findings");
}

#[test]
fn code_html_urls_and_front_matter_are_never_touched() {
    let doc = "---\ntitle: Llama 3 is open source\n---\n\n\
        Text with `Llama 3 is open source` inline.\n\n\
        ```\nLlama 3 is open source\n```\n\n    Llama 3 is open source\n\n\
        <div>Llama 3 is open source</div>\n\n\
        See <https://example.com/Llama-3-is-open-source> and [docs](https://x.test/llama-3-is-open-source \"Llama 3 is open source\").\n\n\
        ![Llama 3 is open source](img.png)\n\n\
        <!-- Llama 3 is open source -->\n";
    for style in STYLES {
        let (out, r) = engine().annotate("t.md", doc, style);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!(out, doc);
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Meta's open-source Llama 3.2 model can see images.",
        "GPT-4o is open source.",
        "Mistral 7B is an open-source model.",
        "Het opensourcemodel Llama 3 is populair.",
        "Écht open-source is NVLM-D-72B echter niet.",
        "OLMo 2 is fully open source.",
        "Llama &amp; Gemma 2 are open source.",
        "Llama\\-3 is open source.",
        "`Llama 3 is open source`",
        "<span>GPT-4o is open source</span>",
        "[open-source Llama 3](https://x.test/open-source)",
        "*open source* Llama 3",
        "open\tsource Llama 3",
        "plain words",
    ])
    .prop_map(str::to_string)
}

fn block() -> impl Strategy<Value = String> {
    (
        piece(),
        prop::sample::select(vec![
            "", "# ", "> ", "- ", "1. ", "| a | ", "    ", "\t", "[^1]: ", "<div>\n", "```\n",
        ]),
    )
        .prop_map(|(p, prefix)| match prefix {
            "| a | " => format!("| a | b |\n|---|---|\n| {p} | x |"),
            "<div>\n" => format!("<div>\n{p}\n</div>"),
            "```\n" => format!("```\n{p}\n```"),
            "[^1]: " => format!("Note[^1].\n\n[^1]: {p}"),
            _ => format!("{prefix}{p}"),
        })
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(block(), 0..8),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(blocks, crlf, bom, front, trailing)| {
            let mut doc = String::new();
            if bom {
                doc.push('\u{feff}');
            }
            if front {
                doc.push_str("---\nlang: en\ndate: 2024-10-01\n---\n");
            }
            doc.push_str(&blocks.join("\n\n"));
            if trailing {
                doc.push('\n');
            }
            if crlf {
                doc = doc.replace('\n', "\r\n");
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_keep_every_invariant(doc in document()) {
        prop_assert_eq!(check_invariants(&doc), Ok(()));
    }
}
