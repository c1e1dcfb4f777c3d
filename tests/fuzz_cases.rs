//! Inputs the fuzz target once failed on, kept so the invariants it checks
//! stay true for them on every test run, without a nightly compiler.

use std::path::Path;
use std::sync::OnceLock;

use openclaim::annotate::{count, is_annotated, strip};
use openclaim::{Engine, Glossary, Options, Style};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Glossary::embedded().clone(), Options::default()))
}

/// The fuzz target's assertions (fuzz/fuzz_targets/annotate_roundtrip.rs).
fn invariants(text: &str) -> Result<(), String> {
    let e = engine();
    let checked = e.check("fuzz.md", text);
    if is_annotated(text) {
        let once = strip(text);
        if strip(&once) != once {
            return Err("strip is not a fixed point".into());
        }
        return Ok(());
    }
    let mut terms: Vec<usize> = checked.report.findings.iter().map(|f| f.start).collect();
    terms.sort_unstable();
    terms.dedup();
    for style in [Style::Critic, Style::Footnote, Style::Comment] {
        let (once, _) = e.annotate("fuzz.md", text, style);
        if strip(&once) != text {
            return Err(format!("{style:?}: round trip"));
        }
        let n = count(&once);
        if n != terms.len() {
            return Err(format!(
                "{style:?}: {n} annotations for {} reported terms at {terms:?}",
                terms.len()
            ));
        }
        let (twice, _) = e.annotate("fuzz.md", &once, style);
        if twice != once {
            return Err(format!("{style:?}: not idempotent"));
        }
    }
    Ok(())
}

#[test]
fn every_former_fuzz_failure_keeps_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no cases in {}", dir.display());
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &entries {
        let bytes = std::fs::read(path).expect("readable case");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        checked += 1;
        if let Err(why) = invariants(text) {
            failures.push(format!("{}: {why}", path.display()));
        }
    }
    assert!(checked > 0, "no case in {} is UTF-8", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
