//! `openclaim annotate`: the article back with annotations, written atomically.

use std::path::Path;

use openclaim::Style;

use super::super::inputs::expand;
use super::super::{emit, engine, error, Analysis, FailOn, EXIT_ERROR, EXIT_FINDINGS};
use super::check::{error_report, failing, load};

pub fn annotate(
    paths: &[String],
    output_file: Option<&Path>,
    style: Style,
    fail_on: FailOn,
    analysis: &Analysis,
) -> u8 {
    let engine = match engine(analysis, false) {
        Ok(e) => e,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    let (inputs, mut errors) = expand(paths);
    if output_file.is_some() && inputs.len() > 1 {
        error("-o/--output takes one input; use one file at a time");
        return EXIT_ERROR;
    }
    let mut reports = Vec::new();
    for input in &inputs {
        let text = match load(input) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e.clone());
                reports.push(error_report(input, e, false));
                continue;
            }
        };
        let (annotated, result) = engine.annotate(&input.name(), &text, style);
        match output_file {
            Some(path) => {
                if let Err(e) = write_file(path, &annotated) {
                    errors.push(e);
                }
            }
            None => {
                if !emit(&annotated) {
                    break;
                }
            }
        }
        reports.push(result.report);
    }
    for e in &errors {
        error(e);
    }
    if !errors.is_empty() {
        EXIT_ERROR
    } else if failing(&reports, fail_on) {
        EXIT_FINDINGS
    } else {
        0
    }
}

/// Writes through a temporary file in the same directory, then renames,
/// so the output is either complete or absent.
pub(crate) fn write_file(path: &Path, text: &str) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.openclaim-{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("out"),
        std::process::id()
    ));
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!(
                "{}: {}",
                path.display(),
                super::super::inputs::io_message(&e)
            )
        })
}
