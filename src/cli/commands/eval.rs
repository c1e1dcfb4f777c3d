//! `openclaim eval`: accuracy, precision and recall on labelled sentences.

use std::path::PathBuf;

use openclaim::eval;

use super::super::{cwd_settings, emit, error, Analysis, EXIT_ERROR, EXIT_FINDINGS};

pub fn eval(
    files: &[PathBuf],
    min_precision: Option<f64>,
    min_recall: Option<f64>,
    analysis: &Analysis,
) -> u8 {
    let settings = match cwd_settings(analysis, false) {
        Ok(s) => s,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    let mut rows = Vec::new();
    for f in files {
        let name = f.display().to_string();
        match std::fs::read_to_string(f) {
            Ok(text) => match eval::parse(&name, &text) {
                Ok(r) => rows.extend(r),
                Err(e) => {
                    error(&e.to_string());
                    return EXIT_ERROR;
                }
            },
            Err(e) => {
                error(&format!("{name}: {}", super::super::inputs::io_message(&e)));
                return EXIT_ERROR;
            }
        }
    }
    let summary = eval::evaluate(&settings.engine, &rows);
    emit(&summary.render());
    let low_p = min_precision.is_some_and(|m| summary.precision() < m);
    let low_r = min_recall.is_some_and(|m| summary.recall() < m);
    if low_p || low_r {
        EXIT_FINDINGS
    } else {
        0
    }
}
