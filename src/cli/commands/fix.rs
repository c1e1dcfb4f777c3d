//! `openclaim fix`: the corrected article (the library's [`openclaim::Engine::fix`])
//! to standard output, one file (-o), a mirror (--out-dir), in place, or as
//! a diff (--diff). Writes are atomic, as for annotate.

use super::super::batch::{self, BatchArgs, Dest, Mode};
use super::super::walk::Inputs;
use super::super::{error, Analysis, Configs, FailOn, EXIT_ERROR};

pub fn fix(
    paths: &[String],
    dest: Dest,
    dismissed: Vec<String>,
    fail_on: Option<FailOn>,
    no_exit: bool,
    batch: &BatchArgs,
    analysis: &Analysis,
) -> u8 {
    let configs = Configs::new(analysis, fail_on, None, false);
    if analysis.config.is_some() {
        if let Err(e) = configs.settings(configs.file_for(None)) {
            error(&e);
            return EXIT_ERROR;
        }
    }
    if let Dest::File(_) = dest {
        if Inputs::new(paths, &batch.walk_options(None))
            .nth(1)
            .is_some()
        {
            error("-o/--output takes one input; use --out-dir DIR for many");
            return EXIT_ERROR;
        }
    }
    let written = match &dest {
        Dest::File(p) => Some(p.clone()),
        _ => None,
    };
    let code = batch::run(
        &configs,
        paths,
        Mode::Annotate {
            dest,
            fix: Some(dismissed),
        },
        batch,
        no_exit,
    );
    if let (Some(p), false) = (written, batch.quiet || code == EXIT_ERROR) {
        eprintln!("wrote {}", p.display());
    }
    code
}
