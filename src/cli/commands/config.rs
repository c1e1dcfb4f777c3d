//! `openclaim config show [PATH]`: the effective configuration for a file
//! or directory, as TOML, each value with where it came from.

use std::path::Path;

use super::super::args::ConfigCommand;
use super::super::config::display;
use super::super::{emit, error, Configs, EXIT_ERROR};

pub fn config(cmd: ConfigCommand) -> u8 {
    match cmd {
        ConfigCommand::Show {
            path,
            fail_on,
            style,
            analysis,
        } => {
            let configs = Configs::new(&analysis, fail_on, style, false);
            let target = path.as_deref().unwrap_or(Path::new("."));
            if !target.exists() {
                error(&format!("{}: no such file or directory", target.display()));
                return EXIT_ERROR;
            }
            let file = configs.file_for(Some(target));
            // Building the settings validates everything: model names, glossary directories, globs.
            let settings = match configs.settings(file.clone()) {
                Ok(s) => s,
                Err(e) => {
                    error(&e);
                    return EXIT_ERROR;
                }
            };
            let mut out = format!("# effective configuration for {}\n", target.display());
            match &file {
                Some(f) => out.push_str(&format!("# configuration file: {}\n", display(f))),
                None if analysis.no_config => {
                    out.push_str("# configuration file: none (--no-config)\n")
                }
                None => out.push_str(&format!(
                    "# configuration file: none (no {} in {} or above)\n",
                    openclaim::config::FILE_NAME,
                    target.display()
                )),
            }
            out.push_str("# precedence: flags > configuration file > defaults\n\n");
            out.push_str(&settings.config.render());
            if !emit(&out) {
                return 0;
            }
            0
        }
    }
}
