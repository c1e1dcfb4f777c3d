use super::{ann, at, check, masked, NASTY};
use crate::annotate::{is_annotated, render, strip, Annotation, Style};

const ALL: [Style; 3] = Style::ALL;

fn claim(src: &str) -> Vec<Annotation> {
    vec![at(
        src,
        "open source",
        Some("open weights"),
        "Llama 3.2 is geen open source.",
    )]
}

// ---- exact byte formats -------------------------------------------------

#[test]
fn critic_with_replacement() {
    let src = "Llama is open source.\n";
    assert_eq!(
        masked(&check(src, &claim(src), Style::Critic)),
        "Llama is {~~open source~>open weights~~}{>>openclaim#CHECK: Llama 3.2 is geen open source.<<}.\n"
    );
}

#[test]
fn critic_comment_only() {
    let src = "Llama is open source.\n";
    let anns = [at(src, "open source", None, "Geen open source.")];
    assert_eq!(
        masked(&check(src, &anns, Style::Critic)),
        "Llama is open source{>>openclaim#CHECK: Geen open source.<<}.\n"
    );
}

#[test]
fn comment_style_ignores_the_replacement() {
    let src = "Llama is open source.\n";
    assert_eq!(
        masked(&check(src, &claim(src), Style::Comment)),
        "Llama is open source<!-- openclaim#CHECK: Llama 3.2 is geen open source. -->.\n"
    );
}

#[test]
fn footnote_style_with_trailer() {
    let src = "Llama is open source.\n\nAnd Mistral is open-source too.\n";
    let anns = [
        at(
            src,
            "open source",
            Some("open weights"),
            "Llama is geen open source.",
        ),
        at(src, "open-source", None, "Klopt."),
    ];
    assert_eq!(
        masked(&check(src, &anns, Style::Footnote)),
        "Llama is open source[^openclaim-1-CHECK].\n\nAnd Mistral is open-source[^openclaim-2-CHECK] too.\n\
         \n\
         <!-- openclaim-footnotes -->\n\
         [^openclaim-1-CHECK]: openclaim: Llama is geen open source.\n\
         [^openclaim-2-CHECK]: openclaim: Klopt.\n"
    );
}

#[test]
fn footnote_trailer_without_final_newline() {
    let src = "Llama is open source.";
    assert_eq!(
        masked(&check(src, &claim(src), Style::Footnote)),
        "Llama is open source[^openclaim-1-CHECK].\n\
         \n\
         <!-- openclaim-footnotes no-final-newline -->\n\
         [^openclaim-1-CHECK]: openclaim: Llama 3.2 is geen open source.\n"
    );
}

#[test]
fn footnote_trailer_uses_crlf() {
    let src = "Title\r\n\r\nLlama is open source.\r\n";
    let out = masked(&check(src, &claim(src), Style::Footnote));
    assert!(out.ends_with(
        ".\r\n\r\n<!-- openclaim-footnotes -->\r\n\
         [^openclaim-1-CHECK]: openclaim: Llama 3.2 is geen open source.\r\n"
    ));
    let no_eol = "Title\r\n\r\nLlama is open source.";
    let out = check(no_eol, &claim(no_eol), Style::Footnote);
    assert!(out.contains(".\r\n\r\n<!-- openclaim-footnotes no-final-newline -->\r\n"));
}

#[test]
fn no_annotations_is_identity() {
    for src in ["", "x", "# a\n\n| b |\n|---|\n", "```\nunclosed"] {
        for style in ALL {
            assert_eq!(render(src, &[], style), src);
        }
    }
}

// ---- placement in Markdown contexts ------------------------------------

#[test]
fn every_context_every_style() {
    let cases = [
        "open source at the start of a line\n",
        "a line that ends in open source\n",
        "# Heading about open source\n\nText.\n",
        "Setext open source\n===\n",
        "| model | claim |\n|---|---|\n| Llama | open source |\n",
        "> A quote: open source.\n> Second line.\n",
        "- item open source\n- other\n",
        "1. first\n2. open source\n",
        "See [the open source model](https://example.com/x).\n",
        "[^1]: A footnote saying open source.\n\nText[^1].\n",
        "Line with\ttabs\topen source\there.\n",
        "**open source** and *more*\n",
        "- [ ] task open source\n",
        "---\ntitle: x\n---\n\nBody open source.\n",
        "+++\ntitle = 'x'\n+++\n\nBody open source.\n",
        "Line one\nopen source\nline three\n",
        "Hard break open source  \nnext\n",
    ];
    for src in cases {
        for style in ALL {
            for replacement in [Some("open weights"), None] {
                let anns = [at(src, "open source", replacement, "Geen open source.")];
                let out = check(src, &anns, style);
                assert_ne!(out, src, "{style} inserted nothing in {src:?}");
            }
        }
    }
}

#[test]
fn table_cell_keeps_its_columns() {
    let src = "| a | b |\n|---|---|\n| open source | x |\n";
    let anns = [at(src, "open source", Some("a|b"), "c | d")];
    let out = check(src, &anns, Style::Critic);
    assert_eq!(out.matches('|').count(), src.matches('|').count());
}

#[test]
fn multiple_annotations_on_one_line_and_adjacent() {
    let src = "open source open-source opensource\n";
    let anns = [
        ann(0..11, Some("A"), "one"),
        ann(12..23, None, "two"),
        ann(24..34, Some("C"), "three"),
    ];
    for style in ALL {
        check(src, &anns, style);
    }
    // Terms that touch each other.
    let touching = [
        ann(0..4, Some("A"), "1"),
        ann(4..5, Some("B"), "2"),
        ann(5..11, None, "3"),
    ];
    for style in ALL {
        check(src, &touching, style);
    }
}

#[test]
fn crlf_bom_and_no_final_newline() {
    let docs = [
        "\u{feff}Llama is open source.\r\nNext line.\r\n",
        "\u{feff}open source first\n",
        "Llama is open source.",
        "Llama is open source.\r\n\r\nEnd",
        "Old Mac\rLlama is open source.\r",
        "Mixed\r\nLlama is open source.\nend\r\n",
    ];
    for src in docs {
        for style in ALL {
            check(src, &claim(src), style);
        }
    }
}

#[test]
fn bom_does_not_hide_a_first_line_heading() {
    let src = "\u{feff}# Llama is open source\r\n\r\nText.\r\n";
    assert_eq!(
        crate::annotate::block_structure(src)[0],
        "Start(Heading(H1))"
    );
    for style in ALL {
        check(src, &claim(src), style);
    }
}

// ---- hand-written markup stays -----------------------------------------

const HAND_WRITTEN: &str = "Edited {>>note<<} and {~~a~>b~~} and {++add++}{--del--}.\n\
    A footnote[^1] and a comment <!-- note --> and <!-- openclaim-disable -->.\n\
    Llama is open source.\n\n[^1]: The note.\n\n<!-- openclaim-enable -->\n";

#[test]
fn strip_keeps_hand_written_markup() {
    assert!(!is_annotated(HAND_WRITTEN));
    assert_eq!(strip(HAND_WRITTEN), HAND_WRITTEN);
    for style in ALL {
        for replacement in [Some("open weights"), None] {
            let anns = [at(HAND_WRITTEN, "open source", replacement, "c")];
            check(HAND_WRITTEN, &anns, style);
        }
    }
}

#[test]
fn annotation_right_after_hand_written_substitution() {
    // The term itself ends the editor's substitution; the check value of a
    // comment alone differs from that of a substitution, so strip cannot
    // take the editor's part for the annotation's.
    let src = "x {~~a~>b~~} y\n";
    let anns = [ann(7..12, None, "c")];
    let out = check(src, &anns, Style::Critic);
    assert_eq!(masked(&out), "x {~~a~>b~~}{>>openclaim#CHECK: c<<} y\n");
    // Also when an earlier annotation sits between the parts.
    let anns = [ann(10..11, None, "c1"), ann(11..12, Some("R"), "c2")];
    check(src, &anns, Style::Critic);
}

#[test]
fn hand_written_substitution_before_a_term() {
    let src = "{~~a~>b~~}open source\n";
    for style in ALL {
        check(src, &claim(src), style);
    }
}

#[test]
fn suggestion_folded_when_term_cannot_be_substituted() {
    let src = "It is open~source today.\n";
    let anns = [at(src, "open~source", Some("open weights"), "Nee.")];
    assert_eq!(
        masked(&check(src, &anns, Style::Critic)),
        "It is open~source{>>openclaim#CHECK: Nee.<<} today.\n"
    );
    // After a backslash, `{~~` would steal the escape.
    let src = "| a |\n|---|\n| x \\|open source |\n";
    let anns = [at(src, "|open source", Some("R"), "c")];
    let out = masked(&check(src, &anns, Style::Critic));
    assert!(
        out.contains("\\|open source{>>openclaim#CHECK: c<<}"),
        "{out:?}"
    );
}

// ---- sanitising --------------------------------------------------------

#[test]
fn dangerous_comment_and_replacement() {
    let srcs = [
        "Llama is open source.\n",
        "| a | b |\n|---|---|\n| open source | x |\n",
        "# open source\n",
        "> - open source\n",
    ];
    for src in srcs {
        for style in ALL {
            let anns = [at(src, "open source", Some(NASTY), NASTY)];
            let out = check(src, &anns, style);
            assert_eq!(
                out.lines().count(),
                src.lines().count() + trailer_lines(style)
            );
        }
    }
    let src = "Llama is open source.\n";
    let out = render(
        src,
        &[at(src, "open source", Some(NASTY), NASTY)],
        Style::Critic,
    );
    let sanitised =
        "x ‹‹) ≈≈) ≈› (a) /b/ ‹c› (d) 'e' f g /h --› ‹!-- i --› (››j‹‹) (^k) # l - m = + n";
    assert_eq!(
        masked(&out),
        format!("Llama is {{~~open source~>{sanitised}~~}}{{>>openclaim#CHECK: {sanitised}<<}}.\n")
    );
}

fn trailer_lines(style: Style) -> usize {
    if style == Style::Footnote {
        3
    } else {
        0
    }
}

#[test]
fn leading_block_syntax_is_removed() {
    let src = "open source\n";
    let out = render(
        src,
        &[ann(0..11, Some("- # R"), "## = + - C")],
        Style::Critic,
    );
    assert_eq!(
        masked(&out),
        "{~~open source~>R~~}{>>openclaim#CHECK: C<<}\n"
    );
    let out = render(src, &[ann(0..11, Some("R"), "## = + - C")], Style::Footnote);
    assert!(masked(&out).ends_with("[^openclaim-1-CHECK]: openclaim: C\n"));
}

// ---- invalid annotations are skipped -----------------------------------

#[test]
fn invalid_annotations_are_skipped() {
    let src = "één open source\nregel\\\n";
    let term = |word: &str| {
        let start = src.find(word).expect("word");
        start..start + word.len()
    };
    let kept = ann(term("open source"), Some("X"), "kept");
    let skipped = [
        ann(1..3, Some("X"), "off a char boundary"),
        ann(term("regel\\"), None, "ends with a backslash"),
        ann(5..5, None, "empty"),
        ann(term(" "), None, "whitespace only"),
        ann(20..99, None, "out of bounds"),
    ];
    for style in ALL {
        for bad in &skipped {
            assert_eq!(
                render(src, std::slice::from_ref(bad), style),
                src,
                "{bad:?}"
            );
        }
        let out = check(src, std::slice::from_ref(&kept), style);
        // Overlapping or unsorted ones after a kept one are skipped too.
        let overlapping = [
            kept.clone(),
            ann(term("source"), None, "overlaps"),
            ann(0..2, None, "unsorted"),
        ];
        assert_eq!(render(src, &overlapping, style), out);
    }
}

#[test]
fn no_insertion_after_a_backslash() {
    // Inserting after `open\` would unescape the pipe and add a column.
    let src = "| a | b |\n|---|---|\n| open\\| x | y |\n";
    let anns = [at(src, "open\\", Some("R"), "c")];
    for style in ALL {
        assert_eq!(render(src, &anns, style), src);
    }
}

// ---- footnote fallback --------------------------------------------------

#[test]
fn footnote_falls_back_when_the_end_would_swallow_the_trailer() {
    let swallowing = [
        "open source\n\n```\ncode",
        "open source\n\n~~~\ncode\n",
        "open source\n\n<pre>\nx\n",
        "open source\n\n<script>\n",
        "open source\n\n<!-- unclosed\n",
        "open source\n\n<?php\n",
        "open source\n\n<![CDATA[\n",
        "open source\n\n<!DOCTYPE\n",
    ];
    for src in swallowing {
        let anns = [ann(0..11, Some("R"), "c")];
        let out = check(src, &anns, Style::Footnote);
        assert_eq!(out, render(src, &anns, Style::Comment), "{src:?}");
    }
    // These end in constructs that a blank line closes: no fallback.
    let closed = [
        "open source\n\n    indented code",
        "open source\n\n    indented code\n",
        "open source\n\n<div>\nx",
        "open source\n\n- item\n  more",
        "open source\n\n> quote",
        "open source\n\n| a |\n|---|\n| b |",
        "open source\n\n[^n]: note\n    more",
    ];
    for src in closed {
        let out = check(src, &[ann(0..11, Some("R"), "c")], Style::Footnote);
        assert!(
            masked(&out).contains("[^openclaim-1-CHECK]"),
            "{src:?} gave {out:?}"
        );
    }
}

// ---- strip on its own ----------------------------------------------------

#[test]
fn strip_without_marker_is_identity() {
    for text in [
        "",
        "plain",
        "{>>a<<} <!-- b --> [^c] {~~d~>e~~}",
        "open claim",
    ] {
        assert_eq!(strip(text), text);
        assert!(!is_annotated(text));
    }
}

#[test]
fn strip_leaves_near_misses() {
    let near = [
        "<!-- openclaim-disable -->",
        "<!-- openclaim-disable-next-line -->",
        "{>> openclaim: x<<}",
        "{>>openclaim:x<<}",
        "{>>openclaim: a\nb<<}",
        "<!--openclaim: x -->",
        "<!-- openclaim: x-->",
        "<!-- openclaim: -->",
        "[^openclaim-]",
        "[^openclaim-1a]",
        "[^openclaim-x]",
        "openclaim: x",
        "<!-- openclaim-footnotes -->\n",
    ];
    for text in near {
        assert_eq!(strip(text), text, "{text:?}");
        assert!(!is_annotated(text), "{text:?}");
    }
}

#[test]
fn strip_mixed_styles() {
    let src = "A open source B open source C open source D open source.\n";
    let word = |n: usize| {
        let start = src
            .match_indices("open source")
            .nth(n)
            .expect("four terms")
            .0;
        start..start + "open source".len()
    };
    let critic = render(
        src,
        &[ann(word(0), None, "c"), ann(word(1), Some("X"), "d")],
        Style::Critic,
    );
    let both = render(&critic, &[], Style::Critic);
    assert_eq!(both, critic);
    // Comments and footnotes written into the same text by later runs.
    let at = |text: &str, n: usize| {
        let start = text.match_indices("open source").nth(n).expect("term").0;
        start..start + "open source".len()
    };
    let with_html = render(&critic, &[ann(at(&critic, 2), None, "e")], Style::Comment);
    let text = render(
        &with_html,
        &[ann(at(&with_html, 3), None, "f")],
        Style::Footnote,
    );
    assert!(is_annotated(&text));
    assert_eq!(strip(&text), src, "{text:?}");
}

#[test]
fn strip_reaches_a_fixed_point() {
    let inner = render("x", &[ann(0..1, None, "x")], Style::Critic);
    let outer = render("yz", &[ann(0..1, None, "y")], Style::Critic);
    // An annotation that only completes once the one inside it is cut.
    let split = outer.find('z').expect("z");
    let nested = format!("{}{inner}{}", &outer[..split - 3], &outer[split - 3..]);
    let once = strip(&nested);
    assert_eq!(strip(&once), once);
    assert!(!is_annotated(&once));
}

#[test]
fn trailer_followed_by_editor_text_is_not_a_trailer() {
    let src = "Llama is open source.\n";
    let out = render(src, &claim(src), Style::Footnote) + "Added by hand.\n";
    let stripped = strip(&out);
    // No longer exactly what render wrote: the bytes to remove are not
    // known, so nothing is removed.
    assert_eq!(stripped, out);
    assert_eq!(strip(&stripped), stripped);
}

// ---- look-alikes are text ------------------------------------------------

/// Text that looks like annotations but was written by a person: the old
/// format without check values, wrong check values, edited annotations,
/// numbered footnotes without a trailer, a trailer written by hand.
const LOOK_ALIKES: &[&str] = &[
    "x {>>openclaim: kept?<<} y\n",
    "x <!-- openclaim: kept? --> y\n",
    "Llama is open source{>>openclaim#000000: c<<}.\n",
    "Llama is {~~open source~>open weights~~}{>>openclaim#123abc: c<<}.\n",
    "A note[^openclaim-1].\n\n[^openclaim-1]: openclaim: written by hand.\n",
    "A note[^openclaim-1-000000].\n\n<!-- openclaim-footnotes -->\n[^openclaim-1-000000]: openclaim: by hand.\n",
    "Use `{>>openclaim: c<<}` in a code span.\n",
];

#[test]
fn look_alikes_are_kept() {
    for text in LOOK_ALIKES {
        assert_eq!(strip(text), *text, "{text:?}");
        assert!(!is_annotated(text), "{text:?}");
    }
    // A real annotation whose comment an editor changed is no longer ours.
    let real = render(
        "Llama is open source.\n",
        &[ann(9..20, None, "Geen open source.")],
        Style::Critic,
    );
    let edited = real.replace("Geen", "Wel");
    assert_eq!(strip(&edited), edited);
}

#[test]
fn annotations_in_protected_places_are_kept() {
    // Real annotations, with valid check values, quoted where a reader sees
    // them as code, addresses or math: an article about the tool.
    let real = render("open source", &[ann(0..11, None, "c")], Style::Critic);
    let html = render("open source", &[ann(0..11, None, "c")], Style::Comment);
    let one_word = render("opensource", &[ann(0..10, None, "c")], Style::Footnote);
    let places = [
        format!("Use `{real}` like this.\n"),
        format!("```\n{real}\n```\n"),
        format!("    {real}\n"),
        format!("<div>\n{real}\n</div>\n"),
        format!("---\ntitle: {real}\n---\nBody.\n"),
        format!("See https://example.com/{one_word}"),
        format!("See www.example.com/{one_word}"),
        format!("Math $x {real}$ here.\n"),
        format!("A [[{real}]] link.\n"),
        format!("A [link](https://example.com \"{real}\") here.\n"),
        format!("export const a = '{real}'\n"),
        format!("A {{/* {real} */}} comment.\n"),
        format!("<span title=\"{html}\">x</span>\n"),
        format!("![{real}](a.png)\n"),
    ];
    for text in &places {
        assert_eq!(strip(text), *text, "{text:?}");
        assert!(!is_annotated(text), "{text:?}");
    }
}

#[test]
fn terms_across_a_line_ending_get_a_comment() {
    let src = "GPT-4o is open\nsource.\n";
    let start = src.find("open").expect("term");
    let anns = [ann(start..start + "open\nsource".len(), Some("X"), "Nee.")];
    for style in ALL {
        let out = check(src, &anns, style);
        assert!(out.starts_with("GPT-4o is open\nsource"), "{out:?}");
        assert!(is_annotated(&out));
        assert!(!out.contains("~>X"), "{out:?}");
    }
}

#[test]
fn a_reference_link_label_is_not_rewritten() {
    let src = "Llama 3 is [open source].\n\n[open source]: https://example.com\n";
    let start = src.find("[open source]").expect("link");
    let anns = [ann(start..start + "[open source]".len(), None, "Nee.")];
    for style in ALL {
        let out = check(src, &anns, style);
        assert!(out.starts_with("Llama 3 is [open source]"), "{out:?}");
        assert!(
            out.contains("\n[open source]: https://example.com\n"),
            "{out:?}"
        );
        assert!(!out.contains("[open source][^"), "{out:?}");
    }
}

#[test]
fn rerender_after_strip_is_idempotent() {
    let src = "Llama is open source. Mistral is open-source.\n";
    let anns = [
        at(src, "open source", Some("open weights"), "a"),
        at(src, "open-source", None, "b"),
    ];
    for style in ALL {
        let once = render(src, &anns, style);
        let twice = render(&strip(&once), &anns, style);
        assert_eq!(once, twice);
    }
}

// ---- Style ----------------------------------------------------------------

#[test]
fn style_from_str() {
    assert_eq!("critic".parse::<Style>(), Ok(Style::Critic));
    assert_eq!("footnote".parse::<Style>(), Ok(Style::Footnote));
    assert_eq!("comment".parse::<Style>(), Ok(Style::Comment));
    assert_eq!(Style::default(), Style::Critic);
    let err = "html".parse::<Style>().expect_err("unknown style");
    assert_eq!(
        err.to_string(),
        "unknown annotation style \"html\"; expected one of: critic, footnote, comment"
    );
    for style in ALL {
        assert_eq!(style.to_string().parse::<Style>(), Ok(style));
    }
}

// ---- linear time ------------------------------------------------------------

/// Inputs built to make a careless strip rescan: each would take minutes if
/// any step were quadratic, and takes milliseconds when linear.
#[test]
fn pathological_inputs_finish() {
    let n = 100_000;
    let long = "a".repeat(n);
    let inputs = [
        format!("{{>>openclaim: {long}{}", "<<}".repeat(n)),
        format!("<!-- openclaim: {long}{}", " -->".repeat(n)),
        format!("[^openclaim-{}x{}", "1".repeat(n), "]".repeat(n)),
        format!(
            "{{~~{long}~>{long}~~}}{}",
            "{>>openclaim: <<}".repeat(n / 16)
        ),
        "{>>openclaim{>>openclaim: ".repeat(n / 26) + &": x<<}".repeat(n / 26),
        "\n\n<!-- openclaim-footnotes -->\n[^openclaim-1]: openclaim: x\n".repeat(n / 60),
        "{~~a~>b~~}".repeat(n / 10),
    ];
    for text in &inputs {
        let once = strip(text);
        assert_eq!(strip(&once), once);
        let _ = is_annotated(text);
    }
    // Many comment-only annotations, each right after `~~}`.
    let src = "{~~a~>b~~}".repeat(n / 10);
    let anns: Vec<_> = (0..n / 10)
        .map(|i| ann(i * 10 + 9..i * 10 + 10, None, "c"))
        .collect();
    for style in ALL {
        let out = render(&src, &anns, style);
        assert_eq!(strip(&out), src);
    }
}
