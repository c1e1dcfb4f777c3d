//! `openclaim check`: diagnostics for every input, errors counted, exit code at the end.

use openclaim::report::FileReport;
use openclaim::{source, Severity};

use super::super::args::Format;
use super::super::inputs::{expand, Input};
use super::super::{emit, engine, error, output, Analysis, FailOn, EXIT_ERROR, EXIT_FINDINGS};

pub(crate) fn failing(files: &[FileReport], fail_on: FailOn) -> bool {
    let min = match fail_on {
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
        FailOn::Never => return false,
    };
    files
        .iter()
        .flat_map(|f| &f.findings)
        .any(|f| f.severity >= min)
}

pub(crate) fn error_report(input: &Input, message: String, explain: bool) -> FileReport {
    FileReport {
        path: input.name(),
        lang: None,
        error: Some(message),
        findings: Vec::new(),
        dismissed: explain.then(Vec::new),
    }
}

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
    analysis: &Analysis,
) -> u8 {
    let engine = match engine(analysis, explain) {
        Ok(e) => e,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    let (inputs, mut errors) = expand(paths);
    let mut reports = Vec::with_capacity(inputs.len());
    let mut human = String::new();
    for input in &inputs {
        let (report, text) = match load(input) {
            Ok(text) => (engine.check(&input.name(), &text).report, Some(text)),
            Err(e) => {
                errors.push(e.clone());
                (error_report(input, e, explain), None)
            }
        };
        match format {
            Format::Human => output::human(&report, text.as_deref(), &mut human),
            Format::Compact => output::compact(&report, &mut human),
            Format::Jsonl => {
                human.push_str(&output::jsonl_line(&report));
                human.push('\n');
            }
            Format::Json => {}
        }
        if !human.is_empty() && format != Format::Json {
            if !emit(&human) {
                return if errors.is_empty() { 0 } else { EXIT_ERROR };
            }
            human.clear();
        }
        reports.push(report);
    }
    if format == Format::Json {
        emit(&(output::json(&reports) + "\n"));
    }
    for e in &errors {
        error(e);
    }
    if format == Format::Human {
        eprintln!("{}", output::summary(&reports));
    }
    if !errors.is_empty() {
        EXIT_ERROR
    } else if failing(&reports, fail_on) {
        EXIT_FINDINGS
    } else {
        0
    }
}
