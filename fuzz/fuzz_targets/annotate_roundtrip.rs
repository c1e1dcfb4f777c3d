//! Any UTF-8 input: check never panics, annotate then strip gives the input
//! back, annotating twice changes nothing, every reported claim term gets
//! its annotation in every style, and text that only looks like an
//! annotation (no valid check value, or in code, URLs, math, …) is kept.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use openclaim::annotate::{count, is_annotated, strip};
use openclaim::{Engine, Glossary, Options, Style};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Glossary::embedded().clone(), Options::default()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let e = engine();
    let checked = e.check("fuzz.md", text);
    // Text that carries valid openclaim annotations is annotated output:
    // stripping it must reach a fixed point.
    if is_annotated(text) {
        let once = strip(text);
        assert_eq!(strip(&once), once, "strip is a fixed point");
        return;
    }
    let mut terms: Vec<usize> = checked.report.findings.iter().map(|f| f.start).collect();
    terms.sort_unstable();
    terms.dedup();
    for style in [Style::Critic, Style::Footnote, Style::Comment] {
        let (once, _) = e.annotate("fuzz.md", text, style);
        assert_eq!(strip(&once), text, "round trip");
        assert_eq!(count(&once), terms.len(), "one annotation per reported term");
        let (twice, _) = e.annotate("fuzz.md", &once, style);
        assert_eq!(twice, once, "idempotence");
    }
});
