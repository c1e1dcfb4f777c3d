//! Turning PATH arguments into articles to read: files, directories (every
//! .md/.markdown below, sorted) and `-` for standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    pub fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("<stdin>: {e}"))?;
                Ok(buf)
            }
            Input::File(p) => {
                std::fs::read(p).map_err(|e| format!("{}: {}", p.display(), io_message(&e)))
            }
        }
    }
}

pub use openclaim::config::files::io_message;

fn is_markdown(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "md" | "markdown" | "mdown" | "mkd"
        )
    })
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {}", dir.display(), io_message(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let meta = match std::fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(e) => {
                errors.push(format!("{}: {}", p.display(), io_message(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&p, out, errors);
        } else if meta.is_file() && is_markdown(&p) {
            out.push(p);
        }
    }
}

/// Inputs in argument order (directories expanded in sorted order), and an
/// error line for every path that yields nothing.
pub fn expand(paths: &[String]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in paths {
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let p = PathBuf::from(arg);
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(&p, &mut found, &mut errors);
                if found.is_empty() {
                    errors.push(format!(
                        "{arg}: directory contains no Markdown files (.md, .markdown)"
                    ));
                }
                inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(p)),
            Err(e) => errors.push(format!("{arg}: {}", io_message(&e))),
        }
    }
    (inputs, errors)
}
