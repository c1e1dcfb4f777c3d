//! `openclaim annotate`: the article back with annotations, to standard
//! output, to one file (-o), mirrored below a directory (--out-dir) or in
//! place (--in-place). Every file write is atomic.

use openclaim::Style;

use super::super::batch::{BatchArgs, Dest, Mode};
use super::super::{Analysis, Configs, FailOn};
use super::rewrite::rewrite;

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
    let mode = Mode::Annotate { dest, fix: None };
    rewrite(
        paths,
        &configs,
        analysis.config.is_some(),
        mode,
        no_exit,
        batch,
    )
}
