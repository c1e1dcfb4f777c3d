//! The baseline for the whole-process benchmark: reads the given files and
//! every Markdown file below the given directories (sorted walk, one file at a time, as
//! `openclaim check -j1` does) and runs pulldown-cmark over it with the
//! options openclaim uses, doing nothing with the events but count them.
//!
//! ```text
//! cargo run --release --example parse_only -- DIR|FILE...
//! ```

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        let meta = std::fs::symlink_metadata(&p)?;
        if meta.is_dir() {
            walk(&p, out)?;
        } else if meta.is_file() && p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let start = std::time::Instant::now();
    let (mut files, mut bytes, mut events) = (0u64, 0u64, 0u64);
    let options = openclaim::markdown::options();
    for arg in std::env::args().skip(1) {
        let mut paths = Vec::new();
        if Path::new(&arg).is_file() {
            paths.push(PathBuf::from(&arg));
        } else {
            walk(Path::new(&arg), &mut paths)?;
        }
        for p in paths {
            let text = std::fs::read_to_string(&p)?;
            events += pulldown_cmark::Parser::new_ext(&text, options).count() as u64;
            bytes += text.len() as u64;
            files += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{files} files, {bytes} bytes, {events} events in {secs:.3} s: {:.1} MB/s",
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
