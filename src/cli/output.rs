//! Rendering reports for people (human, compact) and programs (JSON, JSONL).

use std::fmt::Write as _;

use openclaim::report::{FileOutput, FileReport, Finding, Report};
use openclaim::span::LineIndex;
use openclaim::Severity;

use super::color::{self, Paint, Tone};

/// How human diagnostics are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Human {
    pub color: bool,
    /// Columns to wrap notes and crop long source lines to.
    pub width: usize,
}

impl Default for Human {
    fn default() -> Self {
        Human {
            color: false,
            width: color::DEFAULT_WIDTH,
        }
    }
}

/// The license, its id and whether OSI approved it.
pub fn license_name(f: &Finding) -> String {
    match (&f.license.spdx, f.license.osi_approved) {
        (Some(id), Some(true)) => format!("{} ({id}, OSI-approved)", f.license.name),
        (Some(id), _) => format!("{} ({id}, not OSI-approved)", f.license.name),
        (None, _) => f.license.name.clone(),
    }
}

/// The license and its source, as one phrase.
pub fn license_facts(f: &Finding) -> String {
    format!(
        "license: {}; source: {} (as of {})",
        license_name(f),
        f.source,
        f.as_of
    )
}

/// The source line, cropped around the claim when it is wider than
/// `avail` columns, and the underline's lead and width in columns.
fn window(line: &str, lead: usize, term: usize, avail: usize) -> (String, usize, usize) {
    let shown: String = line.replace('\t', " ");
    let total = color::width(&shown);
    if total <= avail {
        return (shown, lead, term);
    }
    let avail = avail.max(20);
    let context = avail.saturating_sub(term.min(avail)) / 3;
    let start = lead.saturating_sub(context);
    let prefix = usize::from(start > 0);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut col = 0;
    let mut used = prefix;
    let mut cut = false;
    for c in shown.chars() {
        let w = color::char_width(c);
        if col >= start {
            if used + w > avail.saturating_sub(1) && col + w < total {
                cut = true;
                break;
            }
            out.push(c);
            used += w;
        }
        col += w;
    }
    if cut {
        out.push('…');
    }
    let lead_in = lead.saturating_sub(start) + prefix;
    let width = term.min(avail.saturating_sub(lead_in).max(1));
    (out, lead_in, width)
}

/// rustc-style: the severity and message, the location, the source line
/// with the term underlined, then the facts and the suggestion. Without
/// colour the layout is the same, byte for byte, minus the escapes.
pub fn human(report: &FileReport, source: Option<&str>, style: &Human, out: &mut String) {
    let p = Paint { on: style.color };
    let idx = source.map(LineIndex::new);
    for f in &report.findings {
        let tone = match f.severity {
            Severity::Warning => Tone::Warning,
            Severity::Note => Tone::Note,
        };
        let _ = writeln!(
            out,
            "{}{}",
            p.paint(tone, f.severity.as_str()),
            p.paint(
                Tone::Bold,
                &format!(
                    ": '{}' claim about {} ({})",
                    f.term,
                    f.model.canonical,
                    f.status.as_str()
                )
            )
        );
        let _ = writeln!(
            out,
            "  {} {}:{}:{}",
            p.paint(Tone::Gutter, "-->"),
            report.path,
            f.line,
            f.column
        );
        if let (Some(src), Some(idx)) = (source, idx.as_ref()) {
            if let Some(range) = idx.line_range(src, f.line) {
                let line = &src[range.clone()];
                let gutter = f.line.to_string();
                let pad = " ".repeat(gutter.len());
                let lead = line
                    .get(..f.start.saturating_sub(range.start).min(line.len()))
                    .map(color::width)
                    .unwrap_or(0);
                let term = src
                    .get(f.start..f.end.min(range.end))
                    .map(color::width)
                    .unwrap_or(1)
                    .max(1);
                let avail = style.width.saturating_sub(gutter.len() + 3);
                let (shown, lead, term) = window(line, lead, term, avail);
                let bar = p.paint(Tone::Gutter, "|");
                let _ = writeln!(out, "{pad} {bar}");
                let _ = writeln!(out, "{} {bar} {shown}", p.paint(Tone::Gutter, &gutter));
                let _ = writeln!(
                    out,
                    "{pad} {bar} {}{}",
                    " ".repeat(lead),
                    p.paint(tone, &"^".repeat(term))
                );
            }
        }
        let eq = p.paint(Tone::Gutter, "=");
        // Wrapped as plain text; `good` is painted afterwards so escapes never count as columns.
        let note = |label: &str, text: &str, good: Option<&str>, out: &mut String| {
            let first = 3 + 2 + label.len() + 2;
            let lines = color::wrap(text, first, first, style.width);
            for (i, l) in lines.iter().enumerate() {
                let l = match good {
                    Some(g) if p.on && !g.is_empty() => l.replacen(g, &p.paint(Tone::Good, g), 1),
                    _ => l.clone(),
                };
                if i == 0 {
                    let _ = writeln!(out, "   {eq} {}: {l}", p.paint(Tone::Bold, label));
                } else {
                    let _ = writeln!(out, "{}{l}", " ".repeat(first));
                }
            }
        };
        note("license", &license_name(f), None, out);
        note(
            "source",
            &format!("{} (as of {})", f.source, f.as_of),
            None,
            out,
        );
        if let Some(by) = &f.attributed_to {
            note("voice", &format!("attributed to {by}"), None, out);
        }
        note("note", &f.correction, None, out);
        if let Some(r) = &f.replacement {
            let quoted = format!("'{}'", r.trim());
            note(
                "suggestion",
                &format!("replace '{}' with {quoted}", f.term),
                Some(&quoted),
                out,
            );
        }
        out.push('\n');
    }
    if let Some(d) = &report.dismissed {
        for x in d {
            let _ = writeln!(
                out,
                "{}: '{}'{} at {}:{}:{}: {}",
                p.paint(Tone::Dim, "dismissed"),
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

/// One file's object, indented as an element of "files"; `truncated`: its
/// findings stopped at the per-file cap.
pub fn json_file(file: &FileReport, truncated: bool) -> String {
    let obj = serde_json::to_string_pretty(&FileOutput {
        report: file,
        truncated,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
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

pub fn jsonl_line(file: &FileReport, truncated: bool) -> String {
    serde_json::to_string(&FileOutput {
        report: file,
        truncated,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
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
                streamed.push_str(&json_file(f, false));
            }
            streamed.push_str(&json_close(n > 0));
            assert_eq!(streamed, json(&files) + "\n");
        }
    }
}
