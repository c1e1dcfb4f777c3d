//! `openclaim check`: diagnostics for every input, errors counted, exit code at the end.

use super::super::args::{ColorWhen, Format};
use super::super::batch::{self, BatchArgs, Mode};
use super::super::output::Human;
use super::super::{color, Analysis, Configs, FailOn, EXIT_ERROR};

/// The options of `check` besides the paths, batch and analysis flags.
#[derive(Debug, Clone, Copy)]
pub struct CheckArgs {
    pub format: Format,
    pub fail_on: Option<FailOn>,
    pub no_exit: bool,
    pub explain: bool,
    pub verbose: bool,
    pub color: ColorWhen,
}

pub fn check(paths: &[String], args: CheckArgs, batch: &BatchArgs, analysis: &Analysis) -> u8 {
    let configs = Configs::new(analysis, args.fail_on, None, args.explain);
    if analysis.config.is_some() {
        // An explicit --config is checked before any file is read.
        if let Err(e) = configs.settings(configs.file_for(None)) {
            super::super::error(&e);
            return EXIT_ERROR;
        }
    }
    let human = Human {
        color: color::stdout_enabled(args.color),
        width: color::stdout_width(),
        verbose: args.verbose,
    };
    batch::run(
        &configs,
        paths,
        Mode::Check {
            format: args.format,
            explain: args.explain,
            human,
        },
        batch,
        args.no_exit,
    )
}
