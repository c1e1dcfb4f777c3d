//! `openclaim annotate`: the article back with annotations, to standard
//! output, to one file (-o), mirrored below a directory (--out-dir) or in
//! place (--in-place). Every file write is atomic.

use openclaim::Style;

use super::super::batch::{self, BatchArgs, Dest, Mode};
use super::super::walk::Inputs;
use super::super::{engine, error, Analysis, FailOn, EXIT_ERROR};

pub fn annotate(
    paths: &[String],
    dest: Dest,
    style: Style,
    fail_on: FailOn,
    batch: &BatchArgs,
    analysis: &Analysis,
) -> u8 {
    let engine = match engine(analysis, false) {
        Ok(e) => e,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    if matches!(dest, Dest::File(_))
        && Inputs::new(paths, &batch.walk_options(None))
            .nth(1)
            .is_some()
    {
        error("-o/--output takes one input; use --out-dir DIR for many");
        return EXIT_ERROR;
    }
    batch::run(
        &engine,
        paths,
        Mode::Annotate { style, dest },
        batch,
        fail_on,
    )
}
