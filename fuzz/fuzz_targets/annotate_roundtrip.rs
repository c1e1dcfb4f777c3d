//! Any UTF-8 input: check never panics, annotate then strip gives the input
//! back, and annotating twice changes nothing.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use openclaim::annotate::{is_annotated, strip};
use openclaim::{Engine, Glossary, Options, Style};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Glossary::embedded().clone(), Options::default()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let e = engine();
    let _ = e.check("fuzz.md", text);
    // Text that already carries openclaim's markers is treated as annotated output.
    if is_annotated(text) {
        let _ = strip(text);
        return;
    }
    for style in [Style::Critic, Style::Footnote, Style::Comment] {
        let (once, _) = e.annotate("fuzz.md", text, style);
        assert_eq!(strip(&once), text, "round trip");
        let (twice, _) = e.annotate("fuzz.md", &once, style);
        assert_eq!(twice, once, "idempotence");
    }
});
