//! Rendering reports for people (human, compact) and programs (JSON, JSONL).

use std::fmt::Write as _;

use openclaim::report::{FileOutput, FileReport, Finding, Report};
use openclaim::span::LineIndex;
use openclaim::{Openness, Severity};

use super::color::{self, Paint, Tone};

/// How human diagnostics are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Human {
    pub color: bool,
    /// Columns to wrap notes and crop long source lines to.
    pub width: usize,
    /// Every fact and the whole explanation, wrapped, instead of at most
    /// six lines per finding.
    pub verbose: bool,
}

impl Default for Human {
    fn default() -> Self {
        Human {
            color: false,
            width: color::DEFAULT_WIDTH,
            verbose: false,
        }
    }
}

/// `s` cut to `width` columns, with an ellipsis where it was cut.
fn crop(s: &str, width: usize) -> String {
    if color::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = color::char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The claim the facts support, in one short phrase.
fn verdict(f: &Finding) -> String {
    // Short enough for one line of a narrow terminal: the range is the news.
    if let Some((lo, hi)) = f.family_range {
        let range = if lo == hi {
            format!("all {}", lo.as_str())
        } else {
            format!("{} to {}", lo.as_str(), hi.as_str())
        };
        return format!(
            "license unknown for this member ({}: {range})",
            f.model.canonical
        );
    }
    let licence = match f.license.osi_approved {
        Some(true) => format!("{}, OSI-approved", f.license.name),
        Some(false) => format!("{}, not OSI-approved", f.license.name),
        None => f.license.name.clone(),
    };
    match f.status {
        Openness::Closed => format!("{} is a closed model, not open source", f.model.canonical),
        Openness::OpenWeights => format!(
            "{} has open weights but no open training data ({licence})",
            f.model.canonical
        ),
        Openness::RestrictedWeights => {
            format!("{} is not open source ({licence})", f.model.canonical)
        }
        Openness::OpenSource => format!("{} is open source", f.model.canonical),
    }
}

/// What the editor can do: the replacement, or the rewrite the explanation
/// proposes when no replacement fits (a quotation, a sentence that needs more
/// than a swap).
fn help(f: &Finding) -> Option<String> {
    if let Some(r) = &f.replacement {
        return Some(format!("replace '{}' with '{r}'", f.term));
    }
    ["Write instead", "Schrijf in plaats daarvan"]
        .iter()
        .find_map(|m| f.correction.find(m).map(|i| &f.correction[i..]))
        .map(|s| {
            let quoted = f.correction.starts_with("In a") || f.correction.starts_with("In een");
            let s = s.trim_end_matches('.');
            if quoted {
                format!("a quotation, leave the words; {}", lower_first(s))
            } else {
                lower_first(s)
            }
        })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
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

/// rustc-style: the severity, rule and message, the location, the source
/// line with the term underlined, then the facts and the suggestion; at most
/// six lines per finding unless `verbose`. Without colour the layout is the
/// same, byte for byte, minus the escapes.
pub fn human(report: &FileReport, source: Option<&str>, style: &Human, out: &mut String) {
    let p = Paint { on: style.color };
    if report.error.is_none()
        && source.is_some_and(|s| {
            s.trim_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
                .is_empty()
        })
    {
        let _ = writeln!(out, "{}: nothing to check: the file is empty", report.path);
    }
    let idx = source.map(LineIndex::new);
    for f in &report.findings {
        let tone = match f.severity {
            Severity::Warning => Tone::Warning,
            Severity::Note => Tone::Note,
        };
        let sev = f.severity.as_str();
        let status = match f.family_range {
            Some(_) => "license unknown for this member",
            None => f.status.as_str(),
        };
        let mut title = format!(
            "[{}]: '{}' claim about {} ({status})",
            f.rule, f.term, f.model.canonical
        );
        if let (Some(by), false) = (&f.attributed_to, style.verbose) {
            title.push_str(&format!(", attributed to {by}"));
        }
        let title = crop(&title, style.width.saturating_sub(sev.len()).max(20));
        let _ = writeln!(out, "{}{}", p.paint(tone, sev), p.paint(Tone::Bold, &title));
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
                if style.verbose {
                    let _ = writeln!(out, "{pad} {bar}");
                }
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
        if !style.verbose {
            let room = style.width.saturating_sub(11).max(20);
            let _ = writeln!(
                out,
                "  {eq} {}: {}",
                p.paint(Tone::Bold, "note"),
                crop(&verdict(f), room)
            );
            if let Some(h) = help(f) {
                let _ = writeln!(
                    out,
                    "  {eq} {}: {}",
                    p.paint(Tone::Bold, "help"),
                    crop(&h, room)
                );
            }
            // `--explain`: why the claim was read as it was.
            if report.dismissed.is_some() {
                for r in &f.reasons {
                    let _ = writeln!(out, "  {eq} {}: {r}", p.paint(Tone::Bold, "why"));
                }
            }
            out.push('\n');
            continue;
        }
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

/// One line per finding, for CI logs: `path:line:col: severity: message
/// [rule]`; the long explanation only with `verbose`.
pub fn compact(report: &FileReport, verbose: bool, out: &mut String) {
    for f in &report.findings {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}: {}",
            report.path,
            f.line,
            f.column,
            f.severity.as_str(),
            if verbose {
                message(f)
            } else {
                short_message(f)
            }
        );
    }
}

/// The claim, the model's status, the replacement if any, and the rule.
fn short_message(f: &Finding) -> String {
    let mut m = format!(
        "'{}' claim about {} ({})",
        f.term,
        f.model.canonical,
        f.status.as_str()
    );
    if let Some(r) = &f.replacement {
        m.push_str(&format!("; write '{r}'"));
    }
    m.push_str(&format!(" [{}]", f.rule));
    m
}

fn message(f: &Finding) -> String {
    let mut m = format!(
        "'{}' claim about {} ({}) [{}]: {}",
        f.term,
        f.model.canonical,
        f.status.as_str(),
        f.rule,
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
