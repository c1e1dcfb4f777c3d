//! Streaming expansion of PATH arguments for batch runs: files as given,
//! directories walked with the `ignore` crate in sorted order, `-` for
//! standard input. Nothing is collected: a million-file tree costs one
//! directory listing at a time.
//!
//! The standard filters of `ignore` (.gitignore, .ignore, hidden files) are
//! off: an archive must not lose articles because a directory is hidden or
//! listed in a .gitignore. Only `--glob` decides, and symbolic links inside a
//! directory are skipped unless `--follow` is given.

use std::path::{Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};
use ignore::{Walk, WalkBuilder};

use super::inputs::{io_message, Input};

/// How directories are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// `--glob` patterns (gitignore syntax, `!` excludes), relative to each directory argument.
    pub globs: Vec<String>,
    /// Follow symbolic links below directory arguments.
    pub follow: bool,
    /// A directory never to descend into (the canonical --out-dir), so outputs are not re-read.
    pub skip: Option<PathBuf>,
}

impl WalkOptions {
    /// Rejects a malformed glob before any file is read.
    pub fn validate(&self) -> Result<(), String> {
        self.overrides(Path::new(".")).map(|_| ())
    }

    fn overrides(&self, root: &Path) -> Result<Override, String> {
        let mut b = OverrideBuilder::new(root);
        for g in &self.globs {
            b.add(g).map_err(|e| format!("--glob {g}: {e}"))?;
        }
        b.build().map_err(|e| format!("--glob: {e}"))
    }
}

/// One unit of work: an input, where it sits below its directory argument,
/// or an error that names the path.
#[derive(Debug, Clone)]
pub struct Item {
    pub input: Input,
    /// The path relative to the directory argument it was found in (the file
    /// name for a file argument); --out-dir mirrors this.
    pub rel: Option<PathBuf>,
    pub error: Option<String>,
}

impl Item {
    fn error(path: PathBuf, message: String) -> Item {
        Item {
            input: Input::File(path),
            rel: None,
            error: Some(message),
        }
    }
}

struct DirWalk {
    walk: Walk,
    arg: String,
    root: PathBuf,
    found: u64,
    any_file: bool,
}

/// Iterator over every input of a run, in argument order, each directory in
/// sorted path order.
pub struct Inputs {
    /// Arguments still to expand, last first.
    args: Vec<String>,
    current: Option<DirWalk>,
    options: WalkOptions,
}

impl Inputs {
    pub fn new(args: &[String], options: &WalkOptions) -> Inputs {
        Inputs {
            args: args.iter().rev().cloned().collect(),
            current: None,
            options: options.clone(),
        }
    }

    fn start_dir(&self, arg: &str, root: PathBuf) -> Result<DirWalk, String> {
        let overrides = self.options.overrides(&root)?;
        let any_file = overrides.num_whitelists() > 0;
        let mut b = WalkBuilder::new(&root);
        b.standard_filters(false)
            .follow_links(self.options.follow)
            .overrides(overrides)
            .sort_by_file_name(|a, b| a.cmp(b));
        if let Some(skip) = self.options.skip.clone() {
            b.filter_entry(move |e| {
                !(e.depth() > 0
                    && e.file_type().is_some_and(|t| t.is_dir())
                    && std::fs::canonicalize(e.path()).is_ok_and(|p| p == skip))
            });
        }
        Ok(DirWalk {
            walk: b.build(),
            arg: arg.to_string(),
            root,
            found: 0,
            any_file,
        })
    }

    fn next_in_dir(&mut self) -> Option<Item> {
        let dir = self.current.as_mut()?;
        for entry in dir.walk.by_ref() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = walk_error_path(&e).unwrap_or_else(|| dir.root.clone());
                    return Some(Item::error(path, walk_error_message(&e)));
                }
            };
            if entry.depth() == 0 || !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.into_path();
            if !dir.any_file && !is_markdown(&path) {
                continue;
            }
            dir.found += 1;
            let rel = path.strip_prefix(&dir.root).ok().map(Path::to_path_buf);
            return Some(Item {
                input: Input::File(path),
                rel,
                error: None,
            });
        }
        let done = self.current.take()?;
        (done.found == 0).then(|| {
            Item::error(
                done.root,
                format!(
                    "{}: directory contains no Markdown files (.md, .markdown){}",
                    done.arg,
                    if self.options.globs.is_empty() {
                        ""
                    } else {
                        " matching --glob"
                    }
                ),
            )
        })
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_in_dir() {
                    return Some(item);
                }
                continue;
            }
            let arg = self.args.pop()?;
            if arg == "-" {
                return Some(Item {
                    input: Input::Stdin,
                    rel: None,
                    error: None,
                });
            }
            let path = PathBuf::from(&arg);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => match self.start_dir(&arg, path.clone()) {
                    Ok(w) => self.current = Some(w),
                    Err(e) => return Some(Item::error(path, e)),
                },
                Ok(_) => {
                    let rel = path.file_name().map(PathBuf::from);
                    return Some(Item {
                        input: Input::File(path),
                        rel,
                        error: None,
                    });
                }
                Err(e) => return Some(Item::error(path, format!("{arg}: {}", io_message(&e)))),
            }
        }
    }
}

pub fn is_markdown(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "md" | "markdown" | "mdown" | "mkd"
        )
    })
}

fn walk_error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// "path: permission denied", in the same words as file errors.
fn walk_error_message(e: &ignore::Error) -> String {
    fn inner(e: &ignore::Error) -> String {
        match e {
            ignore::Error::WithPath { err, .. }
            | ignore::Error::WithDepth { err, .. }
            | ignore::Error::WithLineNumber { err, .. } => inner(err),
            ignore::Error::Io(io) => io_message(io),
            ignore::Error::Loop { ancestor, .. } => {
                format!("symbolic link loop back to {}", ancestor.display())
            }
            other => other.to_string(),
        }
    }
    match walk_error_path(e) {
        Some(p) => format!("{}: {}", p.display(), inner(e)),
        None => inner(e),
    }
}
