//! Rendering reports for people (human, compact) and programs (JSON, JSONL).

use std::fmt::Write as _;

use openclaim::report::{FileReport, Finding, Report};
use openclaim::span::LineIndex;
use openclaim::Severity;

/// rustc-style: the severity and message, the location, the source line
/// with the term underlined, then the facts and the suggestion.
pub fn human(report: &FileReport, source: Option<&str>, out: &mut String) {
    for f in &report.findings {
        let _ = writeln!(
            out,
            "{}: '{}' claim about {} ({})",
            f.severity.as_str(),
            f.term,
            f.model.canonical,
            f.status.as_str()
        );
        let _ = writeln!(out, "  --> {}:{}:{}", report.path, f.line, f.column);
        if let Some(src) = source {
            let idx = LineIndex::new(src);
            if let Some(range) = idx.line_range(src, f.line) {
                let line = &src[range.clone()];
                let gutter = f.line.to_string();
                let pad = " ".repeat(gutter.len());
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{gutter} | {}", line.replace('\t', " "));
                let lead: usize = line
                    .get(..f.start.saturating_sub(range.start).min(line.len()))
                    .map(|s| s.chars().count())
                    .unwrap_or(0);
                let width = src
                    .get(f.start..f.end.min(range.end))
                    .map(|s| s.chars().count())
                    .unwrap_or(1)
                    .max(1);
                let _ = writeln!(out, "{pad} | {}{}", " ".repeat(lead), "^".repeat(width));
            }
        }
        let lic = match (&f.license.spdx, f.license.osi_approved) {
            (Some(id), Some(true)) => format!("{} ({id}, OSI-approved)", f.license.name),
            (Some(id), _) => format!("{} ({id}, not OSI-approved)", f.license.name),
            (None, _) => f.license.name.clone(),
        };
        let _ = writeln!(
            out,
            "   = license: {lic}; source: {} (as of {})",
            f.source, f.as_of
        );
        if let Some(by) = &f.attributed_to {
            let _ = writeln!(out, "   = voice: attributed to {by}");
        }
        let _ = writeln!(out, "   = note: {}", f.correction);
        if let Some(r) = &f.replacement {
            let _ = writeln!(
                out,
                "   = suggestion: replace '{}' with '{}'",
                f.term,
                r.trim()
            );
        }
        out.push('\n');
    }
    if let Some(d) = &report.dismissed {
        for x in d {
            let _ = writeln!(
                out,
                "dismissed: '{}'{} at {}:{}:{}: {}",
                x.term,
                x.model
                    .as_deref()
                    .map(|m| format!(" about {m}"))
                    .unwrap_or_default(),
                report.path,
                x.line,
                x.column,
                x.reason
            );
        }
    }
}

/// One line per finding, for CI logs: `path:line:col: severity: message`.
pub fn compact(report: &FileReport, out: &mut String) {
    for f in &report.findings {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}: {}",
            report.path,
            f.line,
            f.column,
            f.severity.as_str(),
            message(f)
        );
    }
}

fn message(f: &Finding) -> String {
    let mut m = format!(
        "'{}' claim about {} ({}): {}",
        f.term,
        f.model.canonical,
        f.status.as_str(),
        f.correction
    );
    if m.contains('\n') {
        m = m.replace('\n', " ");
    }
    m
}

pub fn json(files: &[FileReport]) -> String {
    serde_json::to_string_pretty(&Report::new(files))
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

pub fn jsonl_line(file: &FileReport) -> String {
    serde_json::to_string(file).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// "2 warnings, 1 note in 3 files (1 with errors)"
pub fn summary(files: &[FileReport]) -> String {
    let count = |s: Severity| {
        files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| f.severity == s)
            .count()
    };
    let (w, n) = (count(Severity::Warning), count(Severity::Note));
    let errors = files.iter().filter(|f| f.error.is_some()).count();
    let plural =
        |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let mut s = format!(
        "{}, {} in {}",
        plural(w, "warning", "warnings"),
        plural(n, "note", "notes"),
        plural(files.len(), "file", "files")
    );
    if errors > 0 {
        let _ = write!(s, " ({errors} with errors)");
    }
    s
}
