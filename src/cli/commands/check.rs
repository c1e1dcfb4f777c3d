//! `openclaim check`: diagnostics for every input, errors counted, exit code at the end.

use super::super::args::Format;
use super::super::batch::{self, BatchArgs, Mode};
use super::super::inputs::Input;
use super::super::{engine, error, Analysis, FailOn, EXIT_ERROR};
use openclaim::source;

/// Reads and decodes one input; the error names the file and position.
pub(crate) fn load(input: &Input) -> Result<String, String> {
    let bytes = input.read()?;
    source::decode(&input.name(), &bytes)
        .map(str::to_owned)
        .map_err(|e| e.to_string())
}

pub fn check(
    paths: &[String],
    format: Format,
    fail_on: FailOn,
    explain: bool,
    batch: &BatchArgs,
    analysis: &Analysis,
) -> u8 {
    let engine = match engine(analysis, explain) {
        Ok(e) => e,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    batch::run(
        &engine,
        paths,
        Mode::Check { format, explain },
        batch,
        fail_on,
    )
}
