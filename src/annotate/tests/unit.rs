use super::{ann, at, check, NASTY};
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
        check(src, &claim(src), Style::Critic),
        "Llama is {~~open source~>open weights~~}{>>openclaim: Llama 3.2 is geen open source.<<}.\n"
    );
}

#[test]
fn critic_comment_only() {
    let src = "Llama is open source.\n";
    let anns = [at(src, "open source", None, "Geen open source.")];
    assert_eq!(
        check(src, &anns, Style::Critic),
        "Llama is open source{>>openclaim: Geen open source.<<}.\n"
    );
}

#[test]
fn comment_style_ignores_the_replacement() {
    let src = "Llama is open source.\n";
    assert_eq!(
        check(src, &claim(src), Style::Comment),
        "Llama is open source<!-- openclaim: Llama 3.2 is geen open source. -->.\n"
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
        check(src, &anns, Style::Footnote),
        "Llama is open source[^openclaim-1].\n\nAnd Mistral is open-source[^openclaim-2] too.\n\
         \n\
         <!-- openclaim-footnotes -->\n\
         [^openclaim-1]: openclaim: Llama is geen open source.\n\
         [^openclaim-2]: openclaim: Klopt.\n"
    );
}

#[test]
fn footnote_trailer_without_final_newline() {
    let src = "Llama is open source.";
    assert_eq!(
        check(src, &claim(src), Style::Footnote),
        "Llama is open source[^openclaim-1].\n\
         \n\
         <!-- openclaim-footnotes no-final-newline -->\n\
         [^openclaim-1]: openclaim: Llama 3.2 is geen open source.\n"
    );
}

#[test]
fn footnote_trailer_uses_crlf() {
    let src = "Title\r\n\r\nLlama is open source.\r\n";
    let out = check(src, &claim(src), Style::Footnote);
    assert!(out.ends_with(
        ".\r\n\r\n<!-- openclaim-footnotes -->\r\n\
         [^openclaim-1]: openclaim: Llama 3.2 is geen open source.\r\n"
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
    // The term itself ends the editor's substitution: a CriticMarkup comment
    // there would be read back as part of it, so an HTML comment is used.
    let src = "x {~~a~>b~~} y\n";
    let anns = [ann(7..12, None, "c")];
    let out = check(src, &anns, Style::Critic);
    assert_eq!(out, "x {~~a~>b~~}<!-- openclaim: c --> y\n");
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
        check(src, &anns, Style::Critic),
        "It is open~source{>>openclaim: Nee.<<} today.\n"
    );
    // After a backslash, `{~~` would steal the escape.
    let src = "| a |\n|---|\n| x \\|open source |\n";
    let anns = [at(src, "|open source", Some("R"), "c")];
    let out = check(src, &anns, Style::Critic);
    assert!(out.contains("\\|open source{>>openclaim: c<<}"), "{out:?}");
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
        out,
        format!("Llama is {{~~open source~>{sanitised}~~}}{{>>openclaim: {sanitised}<<}}.\n")
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
    assert_eq!(out, "{~~open source~>R~~}{>>openclaim: C<<}\n");
    let out = render(src, &[ann(0..11, Some("R"), "## = + - C")], Style::Footnote);
    assert!(out.ends_with("[^openclaim-1]: openclaim: C\n"));
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
        ann(term("source\nregel"), None, "spans a newline"),
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
        assert!(out.contains("[^openclaim-1]"), "{src:?} gave {out:?}");
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
    let text = "A open source{>>openclaim: c<<} B {~~open source~>X~~}{>>openclaim: d<<} \
                C open source<!-- openclaim: e --> D open source[^openclaim-7].\n";
    assert!(is_annotated(text));
    assert_eq!(
        strip(text),
        "A open source B open source C open source D open source.\n"
    );
}

#[test]
fn strip_reaches_a_fixed_point() {
    let nested = "{>>openclaim{>>openclaim: x<<}: y<<}";
    assert_eq!(strip(nested), "");
    let nested = "<!-- openclaim[^openclaim-1]: x -->|";
    assert_eq!(strip(nested), "|");
    let stacked = "a\n\n<!-- openclaim-footnotes -->\n[^openclaim-1]: openclaim: x\n\
                   \n<!-- openclaim-footnotes -->\n[^openclaim-1]: openclaim: y\n";
    assert_eq!(strip(stacked), "a\n");
}

#[test]
fn trailer_followed_by_editor_text_is_not_a_trailer() {
    let src = "Llama is open source.\n";
    let out = render(src, &claim(src), Style::Footnote) + "Added by hand.\n";
    let stripped = strip(&out);
    // The inline reference and the definition labels go; the rest stays,
    // since it is no longer exactly what render wrote.
    assert!(!stripped.contains("[^openclaim"));
    assert!(stripped.starts_with(src));
    assert!(stripped.ends_with("Added by hand.\n"));
    assert_eq!(strip(&stripped), stripped);
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
