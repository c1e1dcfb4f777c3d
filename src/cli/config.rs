//! Finding and loading `.openclaim.toml`: for each article the nearest one
//! in its directory or above (like .editorconfig and .vale.ini; the nearest
//! wins, files are not merged), cached per directory; `--config FILE` uses
//! one file for every input and `--no-config` none. Each distinct
//! configuration gets one [`Engine`], built once and shared by every worker.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use openclaim::config::{files, Config, FailOn, Flags, FILE_NAME};
use openclaim::date::Date;
use openclaim::{Engine, Style};

use super::inputs::Input;
use super::Analysis;

/// Everything a run needs for the files under one configuration.
pub struct Settings {
    pub config: Config,
    pub engine: Engine,
    /// `ignore` globs, rooted at the configuration file's directory.
    ignore: Option<(PathBuf, Gitignore)>,
}

impl Settings {
    pub fn fail_on(&self) -> FailOn {
        self.config.fail_on.value
    }

    pub fn style(&self) -> Style {
        self.config.style.value
    }

    /// Whether `path` is excluded by the configuration's `ignore` globs.
    pub fn ignores(&self, path: &Path) -> bool {
        let Some((root, gi)) = &self.ignore else {
            return false;
        };
        let abs = absolute(path);
        match abs.strip_prefix(root) {
            Ok(rel) => gi.matched_path_or_any_parents(rel, false).is_ignore(),
            Err(_) => false,
        }
    }
}

enum Source {
    Discover,
    File(PathBuf),
    Nothing,
}

type Slot = Arc<OnceLock<Result<Arc<Settings>, String>>>;

/// The configurations of a run, found and built lazily.
pub struct Configs {
    source: Source,
    flags: Flags,
    as_of: Option<Date>,
    explain: bool,
    /// Directory → the configuration file that governs it.
    dirs: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Configuration file → its settings, built once.
    built: Mutex<HashMap<Option<PathBuf>, Slot>>,
}

/// `path` made absolute against the working directory (symbolic links are not resolved).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// How a file is named to the user: relative to the working directory when below it.
pub fn display(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

impl Configs {
    pub fn new(
        analysis: &Analysis,
        fail_on: Option<FailOn>,
        style: Option<Style>,
        explain: bool,
    ) -> Configs {
        let source = if analysis.no_config {
            Source::Nothing
        } else if let Some(f) = &analysis.config {
            Source::File(absolute(f))
        } else {
            Source::Discover
        };
        Configs {
            source,
            flags: Flags {
                lang: analysis.lang(),
                definition: analysis.definition,
                fail_on,
                style,
                glossary: analysis
                    .glossary
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect(),
                max_findings: analysis.max_findings,
            },
            as_of: analysis.as_of,
            explain,
            dirs: Mutex::new(HashMap::new()),
            built: Mutex::new(HashMap::new()),
        }
    }

    /// The configuration file for an article at `path` (the working
    /// directory's for standard input).
    pub fn file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        match &self.source {
            Source::Nothing => None,
            Source::File(f) => Some(f.clone()),
            Source::Discover => {
                let start = match path {
                    Some(p) => {
                        let abs = absolute(p);
                        if abs.is_dir() {
                            abs
                        } else {
                            abs.parent().map(Path::to_path_buf).unwrap_or(abs)
                        }
                    }
                    None => absolute(Path::new(".")),
                };
                self.discover(&start)
            }
        }
    }

    fn discover(&self, start: &Path) -> Option<PathBuf> {
        let mut dirs = match self.dirs.lock() {
            Ok(d) => d,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut chain = Vec::new();
        let mut found = None;
        let mut cur = Some(start);
        while let Some(d) = cur {
            if let Some(hit) = dirs.get(d) {
                found = hit.clone();
                break;
            }
            chain.push(d.to_path_buf());
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
            cur = d.parent();
        }
        for d in chain {
            dirs.insert(d, found.clone());
        }
        found
    }

    /// The settings for an input, and the configuration file they come from.
    pub fn for_input(&self, input: &Input) -> (Option<PathBuf>, Result<Arc<Settings>, String>) {
        let file = match input {
            Input::Stdin => self.file_for(None),
            Input::File(p) => self.file_for(Some(p)),
        };
        let settings = self.settings(file.clone());
        (file, settings)
    }

    /// The settings for the working directory (stream, serve, eval, glossary).
    pub fn for_cwd(&self) -> Result<Arc<Settings>, String> {
        self.settings(self.file_for(None))
    }

    /// The settings for one configuration file, built on first use.
    pub fn settings(&self, file: Option<PathBuf>) -> Result<Arc<Settings>, String> {
        let slot = {
            let mut built = match self.built.lock() {
                Ok(b) => b,
                Err(poisoned) => poisoned.into_inner(),
            };
            built.entry(file.clone()).or_default().clone()
        };
        slot.get_or_init(|| self.build(file.as_deref()).map(Arc::new))
            .clone()
    }

    /// The effective configuration for `file` (for `config show`).
    pub fn config(&self, file: Option<&Path>) -> Result<Config, String> {
        let mut config = match file {
            Some(f) => files::read(f, &display(f))?,
            None => Config::default(),
        };
        config.apply_flags(&self.flags);
        Ok(config)
    }

    fn build(&self, file: Option<&Path>) -> Result<Settings, String> {
        let config = self.config(file)?;
        let dir = file.and_then(Path::parent).map(Path::to_path_buf);
        let dirs = files::glossary_dirs(&config, dir.as_deref(), "--glossary")?;
        let glossary = files::load_glossary(&dirs)?;
        let options = config
            .options(&glossary, self.as_of, self.explain)
            .map_err(|e| e.to_string())?;
        let ignore = if config.ignore.is_empty() {
            None
        } else {
            let root = dir.clone().unwrap_or_else(|| absolute(Path::new(".")));
            let mut b = GitignoreBuilder::new(&root);
            for g in &config.ignore {
                b.add_line(None, &g.value)
                    .map_err(|e| format!("{}: bad ignore glob '{}': {e}", g.origin, g.value))?;
            }
            let gi = b.build().map_err(|e| format!("ignore: {e}"))?;
            Some((root, gi))
        };
        Ok(Settings {
            config,
            engine: Engine::new(glossary, options),
            ignore,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis() -> Analysis {
        Analysis {
            lang: None,
            definition: None,
            glossary: Vec::new(),
            as_of: None,
            config: None,
            no_config: false,
            max_findings: None,
        }
    }

    #[test]
    fn the_nearest_file_wins_and_ignore_globs_are_relative_to_it() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a/b/c")).expect("dirs");
        std::fs::create_dir_all(root.join("a/drafts")).expect("dirs");
        std::fs::write(root.join("a/.openclaim.toml"), "ignore = [\"drafts/\"]\n").expect("w");
        std::fs::write(root.join("a/b/.openclaim.toml"), "lang = \"nl\"\n").expect("w");
        let c = Configs::new(&analysis(), None, None, false);
        let at = |p: &str| c.file_for(Some(&root.join(p)));
        assert_eq!(at("a/b/c/x.md"), Some(root.join("a/b/.openclaim.toml")));
        assert_eq!(at("a/b/x.md"), Some(root.join("a/b/.openclaim.toml")));
        assert_eq!(at("a/x.md"), Some(root.join("a/.openclaim.toml")));
        let s = c.settings(at("a/x.md")).expect("settings");
        assert!(s.ignores(&root.join("a/drafts/x.md")));
        assert!(!s.ignores(&root.join("a/x.md")));
        let nl = c.settings(at("a/b/c/x.md")).expect("settings");
        assert_eq!(nl.config.lang.value, Some(openclaim::Lang::Nl));
        // One engine per configuration file.
        assert!(Arc::ptr_eq(
            &nl,
            &c.settings(at("a/b/x.md")).expect("again")
        ));
        let none = Configs::new(
            &Analysis {
                no_config: true,
                ..analysis()
            },
            None,
            None,
            false,
        );
        assert_eq!(none.file_for(Some(&root.join("a/x.md"))), None);
    }
}
