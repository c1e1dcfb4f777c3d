//! Library stages on a generated corpus, with byte throughput, next to
//! pulldown-cmark parsing the same bytes alone (the floor every stage pays).
//!
//! ```text
//! cargo bench --bench stages            # all
//! cargo bench --bench stages -- glossary
//! cargo bench --bench stages -- claim_path
//! ```

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use openclaim::detect::{claims, mentions, Matcher};
use openclaim::{Engine, Glossary, Options, Style};

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

fn articles() -> Vec<String> {
    (0..300).map(|i| corpus::article(42, i).text).collect()
}

fn stages(c: &mut Criterion) {
    let docs = articles();
    let bytes: usize = docs.iter().map(String::len).sum();
    let glossary = Glossary::embedded().clone();
    let matcher = Matcher::new(&glossary);
    let engine = Engine::new(glossary.clone(), Options::default());
    let options = openclaim::markdown::options();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("pulldown_cmark_parse_only", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| pulldown_cmark::Parser::new_ext(black_box(d), options).count())
                .sum::<usize>()
        })
    });
    g.bench_function("prose", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| openclaim::markdown::prose(black_box(d)).text.len())
                .sum::<usize>()
        })
    });
    let proses: Vec<_> = docs.iter().map(|d| openclaim::markdown::prose(d)).collect();
    g.bench_function("mentions_and_claim_terms", |b| {
        b.iter(|| {
            proses
                .iter()
                .map(|p| {
                    let text = p.text.as_str();
                    // No sentence evidence for ambiguous names here: the engine splits sentences lazily.
                    let ms = mentions::find(text, &matcher, &glossary, |at| at..at);
                    let starts: Vec<usize> = ms.iter().map(|m| m.plain.start).collect();
                    ms.len()
                        + claims::find(text, &matcher, |at| starts.binary_search(&at).is_ok()).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("check", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| engine.check("a.md", black_box(d)).findings.len())
                .sum::<usize>()
        })
    });
    g.bench_function("annotate", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| engine.annotate("a.md", black_box(d), Style::Critic).0.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn glossary(c: &mut Criterion) {
    let files: Vec<(String, String)> = Glossary::embedded_files()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut g = c.benchmark_group("glossary");
    g.sample_size(20);
    g.bench_function("load_and_build_matcher", |b| {
        b.iter_batched(
            || files.clone(),
            |files| {
                let glossary = Glossary::from_files(&files).expect("embedded glossary");
                Engine::new(glossary, Options::default())
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// The claim path one sentence at a time: every claim sentence the corpus
/// generator writes (both languages, every model), each checked as a
/// document of its own, so the figure is time per claim sentence; then the
/// detection stages alone on the same sentences, and claim-dense articles.
fn claim_path(c: &mut Criterion) {
    let sentences = corpus::claim_sentences();
    let glossary = Glossary::embedded().clone();
    let matcher = Matcher::new(&glossary);
    let engine = |lang| {
        Engine::new(
            glossary.clone(),
            Options {
                lang: Some(lang),
                ..Options::default()
            },
        )
    };
    let (en, nl) = (engine(openclaim::Lang::En), engine(openclaim::Lang::Nl));
    let mut g = c.benchmark_group("claim_path");
    g.sample_size(20);
    g.throughput(Throughput::Elements(sentences.len() as u64));
    g.bench_function("check_per_sentence", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|(dutch, s)| {
                    let e = if *dutch { &nl } else { &en };
                    e.check("a.md", black_box(s)).findings.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("mentions_and_terms_per_sentence", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|(_, s)| {
                    let s = black_box(s.as_str());
                    let ms = mentions::find(s, &matcher, &glossary, |_| 0..s.len());
                    let starts: Vec<usize> = ms.iter().map(|m| m.plain.start).collect();
                    ms.len()
                        + claims::find(s, &matcher, |at| starts.binary_search(&at).is_ok()).len()
                })
                .sum::<usize>()
        })
    });
    let dense: Vec<String> = (0..100)
        .map(|i| corpus::dense_article(42, i).text)
        .collect();
    g.throughput(Throughput::Bytes(
        dense.iter().map(String::len).sum::<usize>() as u64,
    ));
    let mixed = Engine::new(glossary.clone(), Options::default());
    g.bench_function("check_dense_articles", |b| {
        b.iter(|| {
            dense
                .iter()
                .map(|d| mixed.check("a.md", black_box(d)).findings.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, stages, glossary, claim_path);
criterion_main!(benches);
