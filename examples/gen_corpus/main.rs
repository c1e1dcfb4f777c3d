//! Writes a deterministic corpus of Dutch and English Markdown news articles.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR N [--seed S] [--only KIND | --dense]
//! cargo run --release --example gen_corpus -- --jsonl OUT.jsonl N [--seed S] [--only KIND | --dense]
//! ```
//!
//! `--only claims|mentions|other` keeps the articles of one kind (still N of
//! them), to see how throughput depends on how many claims an archive holds.
//! `--dense` writes the claim-dense corpus instead: every article about
//! models, several claims each, Dutch and English.
//!
//! Files go to `OUT_DIR/YYYY/NNN/IIIIIII-slug.md` (500 per directory); with
//! `--jsonl` one `{"id": ..., "markdown": ...}` record per line instead, as
//! `openclaim stream` reads it. Prints the number of files and bytes.

use std::io::Write;
use std::path::PathBuf;

#[path = "corpus.rs"]
mod corpus;

fn usage() -> ! {
    eprintln!(
        "usage: gen_corpus [--jsonl] OUT N [--seed S] [--only claims|mentions|other | --dense]"
    );
    std::process::exit(2);
}

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut seed = 42u64;
    if let Some(i) = args.iter().position(|a| a == "--seed") {
        seed = args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| usage());
        args.drain(i..i + 2);
    }
    let mut only = None;
    if let Some(i) = args.iter().position(|a| a == "--only") {
        only = match args.get(i + 1).map(String::as_str) {
            Some("claims") => Some(corpus::Kind::Claims),
            Some("mentions") => Some(corpus::Kind::Mentions),
            Some("other") => Some(corpus::Kind::Other),
            _ => usage(),
        };
        args.drain(i..i + 2);
    }
    let dense = match args.iter().position(|a| a == "--dense") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    let make = if dense {
        corpus::dense_article
    } else {
        corpus::article
    };
    let articles = (0u64..)
        .map(|i| (i, make(seed, i)))
        .filter(|(_, a)| only.is_none_or(|k| a.kind == k));
    let jsonl = args.first().is_some_and(|a| a == "--jsonl");
    if jsonl {
        args.remove(0);
    }
    let [out, n] = args.as_slice() else { usage() };
    let n: u64 = n.parse().unwrap_or_else(|_| usage());
    let out = PathBuf::from(out);
    let mut bytes = 0u64;
    if jsonl {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
        for (i, a) in articles.take(n as usize) {
            bytes += a.text.len() as u64;
            let id = corpus::relative_path(i, &a.slug);
            writeln!(
                w,
                "{{\"id\":{},\"markdown\":{}}}",
                json_string(&id),
                json_string(&a.text)
            )?;
        }
        w.flush()?;
    } else {
        for (i, a) in articles.take(n as usize) {
            let path = out.join(corpus::relative_path(i, &a.slug));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &a.text)?;
            bytes += a.text.len() as u64;
        }
    }
    println!(
        "{n} articles, {bytes} bytes ({:.1} MB) in {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// A JSON string literal (the example has no serde_json at hand as a plain dependency).
fn json_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}
