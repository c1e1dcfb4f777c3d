//! `openclaim annotate`: the article back with annotations, to standard
//! output, to one file (-o), mirrored below a directory (--out-dir) or in
//! place (--in-place). Every file write is atomic.

use openclaim::Style;

use super::super::batch::{self, BatchArgs, Dest, Mode};
use super::super::walk::Inputs;
use super::super::{error, Analysis, Configs, FailOn, EXIT_ERROR};

pub fn annotate(
    paths: &[String],
    dest: Dest,
    style: Option<Style>,
    fail_on: Option<FailOn>,
    no_exit: bool,
    batch: &BatchArgs,
    analysis: &Analysis,
) -> u8 {
    let configs = Configs::new(analysis, fail_on, style, false);
    if analysis.config.is_some() {
        if let Err(e) = configs.settings(configs.file_for(None)) {
            error(&e);
            return EXIT_ERROR;
        }
    }
    if matches!(dest, Dest::File(_))
        && Inputs::new(paths, &batch.walk_options(None))
            .nth(1)
            .is_some()
    {
        error("-o/--output takes one input; use --out-dir DIR for many");
        return EXIT_ERROR;
    }
    let written = match &dest {
        Dest::File(p) => Some(p.clone()),
        _ => None,
    };
    let code = batch::run(
        &configs,
        paths,
        Mode::Annotate { dest, fix: None },
        batch,
        no_exit,
    );
    // Saying what was written: with -o nothing else reaches the terminal.
    if let (Some(p), false) = (written, batch.quiet || code == EXIT_ERROR) {
        eprintln!("wrote {}", p.display());
    }
    code
}
