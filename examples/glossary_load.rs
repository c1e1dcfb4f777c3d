//! Times what every run pays before the first file: parsing and validating
//! the embedded glossary and building the matcher (Engine::new).
//!
//! ```text
//! cargo run --release --example glossary_load
//! ```

use std::time::Instant;

use openclaim::{Engine, Glossary, Options};

fn main() {
    let files: Vec<(String, String)> = Glossary::embedded_files()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut times = Vec::new();
    let mut models = 0;
    for _ in 0..21 {
        let start = Instant::now();
        let glossary = match Glossary::from_files(&files) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        models = glossary.models().len();
        let engine = Engine::new(glossary, Options::default());
        times.push(start.elapsed().as_secs_f64() * 1e3);
        drop(engine);
    }
    let first = times[0];
    times.sort_by(f64::total_cmp);
    println!(
        "glossary load + matcher build ({} files, {models} models): first {first:.2} ms, median {:.2} ms, max {:.2} ms",
        files.len(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
