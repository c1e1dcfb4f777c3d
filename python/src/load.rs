//! Building an engine from `Engine(glossary=…, config=…)`: glossary
//! directories and a configuration file or dict, read here (the library
//! does no I/O) and handed to the library's own parsers, so errors carry the
//! same file:line:col as the CLI's.

use std::path::{Path, PathBuf};

use openclaim::config::{Config, Flags, Origin};
use openclaim::date::Date;
use openclaim::{Definition, Engine, Glossary, Lang};

/// Where the configuration comes from.
pub enum ConfigSource {
    None,
    File(PathBuf),
    /// TOML text written from a Python dict.
    Dict(String),
}

/// What the constructor was given.
pub struct Request {
    pub glossary: Vec<PathBuf>,
    pub config: ConfigSource,
    pub lang: Option<Lang>,
    pub definition: Option<Definition>,
    pub as_of: Option<Date>,
    pub explain: bool,
}

/// The name a dict configuration goes by in error messages.
pub const DICT_NAME: &str = "<config dict>";

/// The engine and the configuration it was built from; errors are messages
/// that name the file, line and column.
pub fn build(req: &Request) -> Result<(Engine, Config), String> {
    let (mut config, base) = match &req.config {
        ConfigSource::None => (Config::default(), None),
        ConfigSource::File(path) => {
            let name = path.display().to_string();
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{name}: {}", io_message(&e)))?;
            let c = Config::from_toml(&name, &text).map_err(|e| e.to_string())?;
            (c, path.parent().map(Path::to_path_buf))
        }
        ConfigSource::Dict(text) => {
            let c = Config::from_toml(DICT_NAME, text).map_err(|e| e.to_string())?;
            (c, None)
        }
    };
    config.apply_flags(&Flags {
        lang: req.lang,
        definition: req.definition,
        glossary: req
            .glossary
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        ..Flags::default()
    });
    let mut glossary = Glossary::embedded().clone();
    for g in &config.glossary {
        let dir = match (&g.origin, &base) {
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
                _ => format!("glossary {}: no such directory", dir.display()),
            });
        }
        let files = read_toml_dir(&dir)?;
        glossary = glossary.with_layer(&files).map_err(|e| e.to_string())?;
    }
    let options = config
        .options(&glossary, req.as_of, req.explain)
        .map_err(|e| e.to_string())?;
    Ok((Engine::new(glossary, options), config))
}

/// Every .toml file below `dir`, sorted, as (path, text): the layout
/// `openclaim --glossary DIR` reads.
fn read_toml_dir(dir: &Path) -> Result<Vec<(String, String)>, String> {
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

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
