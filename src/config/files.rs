//! The configuration's files on disk: a `.openclaim.toml` and the glossary
//! directories it (or a flag) names. The analysis itself never opens a file;
//! this is kept beside the parser so that the CLI and the Python package
//! cannot drift apart in which files they read, in what order, and in the
//! words of their errors.

use std::path::{Path, PathBuf};

use super::{Config, Origin};
use crate::glossary::Glossary;

/// An I/O error in the words the CLI uses, without Rust's `(os error N)`.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The configuration file at `path`, parsed; `name` is how errors name it
/// (the CLI shortens it against the working directory, Python does not).
pub fn read(path: &Path, name: &str) -> Result<Config, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {}", io_message(&e)))?;
    Config::from_toml(name, &text).map_err(|e| e.to_string())
}

/// The glossary directories `config` names, in order. Those from a file are
/// relative to `base` (the file's directory), as a user writing the file
/// expects; those from a flag stay relative to the working directory. A
/// missing one is an error naming where it came from; `flag` is how an error
/// names a directory given from outside a file (`--glossary` for the CLI).
pub fn glossary_dirs(
    config: &Config,
    base: Option<&Path>,
    flag: &str,
) -> Result<Vec<PathBuf>, String> {
    let mut dirs = Vec::with_capacity(config.glossary.len());
    for g in &config.glossary {
        let dir = match (&g.origin, base) {
            (Origin::File { .. }, Some(d)) => d.join(&g.value),
            _ => PathBuf::from(&g.value),
        };
        if !dir.is_dir() {
            return Err(match &g.origin {
                Origin::File { .. } => format!(
                    "{}: glossary directory {} does not exist",
                    g.origin,
                    dir.display()
                ),
                _ => format!("{flag} {}: no such directory", dir.display()),
            });
        }
        dirs.push(dir);
    }
    Ok(dirs)
}

/// Every .toml file below `dir`, sorted by path, as (path, text). Sorted so
/// that later files override earlier ones the same way on every platform.
pub fn read_toml_dir(dir: &Path) -> Result<Vec<(String, String)>, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let p = entry?.path();
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|e| e == "toml") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|e| format!("{}: {}", dir.display(), io_message(&e)))?;
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{}: no .toml glossary files found", dir.display()));
    }
    paths
        .into_iter()
        .map(|p| {
            std::fs::read_to_string(&p)
                .map(|t| (p.display().to_string(), t))
                .map_err(|e| format!("{}: {}", p.display(), io_message(&e)))
        })
        .collect()
}

/// The embedded glossary with each directory layered on top, in order.
pub fn load_glossary(dirs: &[PathBuf]) -> Result<Glossary, String> {
    let mut g = Glossary::embedded().clone();
    for dir in dirs {
        let files = read_toml_dir(dir)?;
        g = g.with_layer(&files).map_err(|e| e.to_string())?;
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Flags;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "openclaim-config-files-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temporary directory");
        d
    }

    #[test]
    fn file_dirs_are_relative_to_the_file_and_flag_dirs_are_not() {
        let root = tmp("relative");
        std::fs::create_dir_all(root.join("g")).ok();
        let mut cfg = Config::from_toml("c.toml", "glossary = [\"g\"]\n").expect("parses");
        assert_eq!(
            glossary_dirs(&cfg, Some(&root), "--glossary"),
            Ok(vec![root.join("g")])
        );
        let missing = glossary_dirs(&cfg, None, "--glossary");
        assert_eq!(
            missing,
            Err("c.toml:1:13: glossary directory g does not exist".to_string())
        );
        cfg.apply_flags(&Flags {
            glossary: vec!["nowhere".into()],
            ..Flags::default()
        });
        assert_eq!(
            glossary_dirs(&cfg, Some(&root), "glossary"),
            Err("glossary nowhere: no such directory".to_string())
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn a_directory_is_read_sorted_and_an_empty_one_is_an_error() {
        let root = tmp("sorted");
        std::fs::create_dir_all(root.join("b")).ok();
        std::fs::write(root.join("b/z.toml"), "z").ok();
        std::fs::write(root.join("a.toml"), "a").ok();
        std::fs::write(root.join("notes.md"), "x").ok();
        let files = read_toml_dir(&root).expect("readable");
        let names: Vec<String> = files.into_iter().map(|(_, t)| t).collect();
        assert_eq!(names, ["a", "z"]);
        let empty = root.join("b/empty");
        std::fs::create_dir_all(&empty).ok();
        assert!(read_toml_dir(&empty).is_err_and(|e| e.ends_with("no .toml glossary files found")));
        assert!(read(&root.join("none.toml"), "none.toml")
            .is_err_and(|e| e == "none.toml: no such file or directory"));
        let _ = std::fs::remove_dir_all(&root);
    }
}
