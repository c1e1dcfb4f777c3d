//! What `annotate` and `fix` share around the batch run: an explicit
//! `--config` and `-o` are checked before any file is read, and `-o` says
//! what it wrote, since nothing else reaches the terminal then.

use super::super::batch::{self, BatchArgs, Mode};
use super::super::dest::one_input_for_file;
use super::super::{error, Configs, EXIT_ERROR};

pub fn rewrite(
    paths: &[String],
    configs: &Configs,
    explicit_config: bool,
    mode: Mode,
    no_exit: bool,
    batch: &BatchArgs,
) -> u8 {
    if explicit_config {
        if let Err(e) = configs.settings(configs.file_for(None)) {
            error(&e);
            return EXIT_ERROR;
        }
    }
    let written = match &mode {
        Mode::Annotate { dest, .. } => {
            if let Err(e) = one_input_for_file(dest, paths, &batch.walk_options(None)) {
                error(&e);
                return EXIT_ERROR;
            }
            dest.file().map(std::path::Path::to_path_buf)
        }
        Mode::Check { .. } => None,
    };
    let code = batch::run(configs, paths, mode, batch, no_exit);
    if let (Some(p), false) = (written, batch.quiet || code == EXIT_ERROR) {
        eprintln!("wrote {}", p.display());
    }
    code
}
