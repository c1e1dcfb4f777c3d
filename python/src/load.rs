//! Building an engine from `Engine(glossary=…, config=…)`: glossary
//! directories and a configuration file or dict, read by the library's
//! [`openclaim::config::files`] as the CLI reads them, so errors carry the
//! same file:line:col as the CLI's.

use std::path::{Path, PathBuf};

use openclaim::config::{files, Config, Flags};
use openclaim::date::Date;
use openclaim::{Definition, Engine, Lang};

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
        ConfigSource::File(path) => (
            files::read(path, &path.display().to_string())?,
            path.parent().map(Path::to_path_buf),
        ),
        ConfigSource::Dict(text) => (
            Config::from_toml(DICT_NAME, text).map_err(|e| e.to_string())?,
            None,
        ),
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
    let dirs = files::glossary_dirs(&config, base.as_deref(), "glossary")?;
    let glossary = files::load_glossary(&dirs)?;
    let options = config
        .options(&glossary, req.as_of, req.explain)
        .map_err(|e| e.to_string())?;
    Ok((Engine::new(glossary, options), config))
}
