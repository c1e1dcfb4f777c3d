//! `openclaim fix`: the corrected article (the library's [`openclaim::Engine::fix`])
//! to standard output, one file (-o), a mirror (--out-dir), in place, or as
//! a diff (--diff). Writes are atomic, as for annotate.

use super::super::batch::{BatchArgs, Dest, Mode};
use super::super::{Analysis, Configs, FailOn};
use super::rewrite::rewrite;

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
    let mode = Mode::Annotate {
        dest,
        fix: Some(dismissed),
    };
    rewrite(
        paths,
        &configs,
        analysis.config.is_some(),
        mode,
        no_exit,
        batch,
    )
}
