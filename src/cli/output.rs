//! Rendering reports for people (human, compact) and programs (JSON, JSONL).

use std::fmt::Write as _;

use openclaim::report::{FileReport, Finding, Report};
use openclaim::span::LineIndex;

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

/// `--format json` written file by file: [`json_open`], then each
/// [`json_file`] after "\n" (first) or ",\n", then [`json_close`]. The bytes
/// are those of [`json`] over all the files, which need not be held.
pub fn json_open() -> String {
    let head = json(&[]);
    // `"files": []\n}` is the end of the empty report; keep what comes before the `]`.
    match head.rfind(']') {
        Some(i) => head[..i].to_string(),
        None => head,
    }
}

/// One file's object, indented as an element of "files".
pub fn json_file(file: &FileReport) -> String {
    let obj =
        serde_json::to_string_pretty(file).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    // JSON strings hold no raw newline, so every newline starts a line of the object.
    format!("    {}", obj.replace('\n', "\n    "))
}

pub fn json_close(any_file: bool) -> String {
    if any_file {
        "\n  ]\n}\n".into()
    } else {
        "]\n}\n".into()
    }
}

pub fn jsonl_line(file: &FileReport) -> String {
    serde_json::to_string(file).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(path: &str) -> FileReport {
        FileReport {
            path: path.into(),
            lang: None,
            error: Some("a\nb".into()),
            findings: Vec::new(),
            suppressed: 0,
            dismissed: None,
        }
    }

    #[test]
    fn json_written_file_by_file_equals_the_whole_report() {
        for n in 0..3 {
            let files: Vec<FileReport> = (0..n).map(|i| report(&format!("f{i}.md"))).collect();
            let mut streamed = json_open();
            for (i, f) in files.iter().enumerate() {
                streamed.push_str(if i == 0 { "\n" } else { ",\n" });
                streamed.push_str(&json_file(f));
            }
            streamed.push_str(&json_close(n > 0));
            assert_eq!(streamed, json(&files) + "\n");
        }
    }
}
