//! Where `annotate`, `fix` and `strip` put a rewritten article, and the
//! checks that keep a write from landing where it must not: `-o` is for
//! one input, and `--out-dir` is never an input directory (its files would
//! be overwritten, or read back as input).

use std::path::{Path, PathBuf};

use super::inputs::io_message;
use super::walk::{Inputs, WalkOptions};

/// Where a rewritten article goes.
#[derive(Debug, Clone)]
pub enum Dest {
    Stdout,
    /// `-o FILE`, one input only.
    File(PathBuf),
    /// `--out-dir DIR`: the input tree mirrored below DIR.
    OutDir(PathBuf),
    InPlace,
    /// `fix --diff`: a unified diff on standard output, nothing written.
    Diff,
}

impl Dest {
    /// The destination the flags name; clap already refuses conflicting ones.
    pub fn from_flags(
        output: Option<PathBuf>,
        out_dir: Option<PathBuf>,
        in_place: bool,
        diff: bool,
    ) -> Dest {
        match (output, out_dir, in_place, diff) {
            (Some(f), ..) => Dest::File(f),
            (None, Some(d), ..) => Dest::OutDir(d),
            (None, None, true, _) => Dest::InPlace,
            (None, None, false, true) => Dest::Diff,
            (None, None, false, false) => Dest::Stdout,
        }
    }

    /// The file `-o` names, for the "wrote FILE" line.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Dest::File(p) => Some(p),
            _ => None,
        }
    }
}

/// Refuses `-o FILE` when `paths` name more than one input, before anything
/// is read: the second would overwrite the first.
pub fn one_input_for_file(dest: &Dest, paths: &[String], walk: &WalkOptions) -> Result<(), String> {
    if matches!(dest, Dest::File(_)) && Inputs::new(paths, walk).nth(1).is_some() {
        return Err("-o/--output takes one input; use --out-dir DIR for many".into());
    }
    Ok(())
}

/// Creates `--out-dir` and refuses it when it is one of the input
/// directories: the mirror would overwrite the inputs.
pub fn prepare_out_dir(dir: &Path, paths: &[String]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), io_message(&e)))?;
    let out = std::fs::canonicalize(dir).ok();
    for p in paths {
        if out.is_some() && std::fs::canonicalize(p).ok() == out {
            return Err(format!(
                "--out-dir {} is the input directory {p}; use --in-place to rewrite files",
                dir.display()
            ));
        }
    }
    Ok(())
}
