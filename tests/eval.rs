//! Precision and recall on the repository's labelled corpus may not fall
//! below the last recorded figures (eval/baseline.toml), and every row of
//! the shared development set must come out right when it is present.

use openclaim::eval::{evaluate, parse};
use openclaim::{Engine, Glossary, Options};

fn engine() -> Engine {
    Engine::new(Glossary::embedded().clone(), Options::default())
}

fn baseline(corpus: &str, lang: &str, key: &str) -> f64 {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/eval/baseline.toml"))
        .expect("baseline");
    let v: toml::Value = toml::from_str(&text).expect("baseline toml");
    v[corpus][lang][key].as_float().expect("figure")
}

fn run(file: &str, corpus: &str) {
    let path = format!("{}/eval/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("corpus");
    let rows = parse(&path, &text).expect("valid corpus");
    let summary = evaluate(&engine(), &rows);
    println!("{}", summary.render());
    for lang in ["en", "nl"] {
        let (p, r) = (summary.lang_precision(lang), summary.lang_recall(lang));
        let (bp, br) = (
            baseline(corpus, lang, "precision"),
            baseline(corpus, lang, "recall"),
        );
        assert!(
            p + 1e-9 >= bp,
            "{corpus} {lang}: precision {p:.3} fell below {bp:.3}\n{}",
            summary.render()
        );
        assert!(
            r + 1e-9 >= br,
            "{corpus} {lang}: recall {r:.3} fell below {br:.3}\n{}",
            summary.render()
        );
    }
}

#[test]
fn corpus_precision_and_recall_hold() {
    run("corpus.tsv", "corpus");
}

#[test]
fn holdout_precision_and_recall_hold() {
    run("holdout.tsv", "holdout");
}

#[test]
fn second_holdout_precision_and_recall_hold() {
    run("holdout2.tsv", "holdout2");
}

#[test]
fn press_style_sets_hold() {
    run("fresh.tsv", "fresh");
    run("fresh2.tsv", "fresh2");
}

#[test]
fn corpus_is_large_and_balanced() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/corpus.tsv");
    let rows = parse(path, &std::fs::read_to_string(path).expect("corpus")).expect("valid");
    assert!(rows.len() >= 400);
    for lang in [openclaim::Lang::En, openclaim::Lang::Nl] {
        for label in openclaim::eval::LABELS {
            let n = rows
                .iter()
                .filter(|r| r.lang == lang && r.label == *label)
                .count();
            assert!(n >= 15, "{lang} {label}: {n} rows");
        }
    }
}

#[test]
fn shared_development_set_is_all_right() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev.tsv");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is not present");
        return;
    };
    let rows = parse(path, &text).expect("valid dev set");
    let summary = evaluate(&engine(), &rows);
    assert!(summary.misses.is_empty(), "{}", summary.render());
}
