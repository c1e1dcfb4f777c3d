//! One function per subcommand. Each reads, calls the library, writes, and
//! returns the exit code; per-file errors are reported and counted, and the
//! run goes on.

use std::path::{Path, PathBuf};

use openclaim::report::FileReport;
use openclaim::{annotate as ann, eval, source, Glossary, Openness, Severity, Style};

use super::args::{Format, GlossaryCommand, ListFormat};
use super::inputs::{expand, Input};
use super::{emit, engine, error, output, Analysis, FailOn, EXIT_ERROR, EXIT_FINDINGS};

fn failing(files: &[FileReport], fail_on: FailOn) -> bool {
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

fn error_report(input: &Input, message: String, explain: bool) -> FileReport {
    FileReport {
        path: input.name(),
        lang: None,
        error: Some(message),
        findings: Vec::new(),
        dismissed: explain.then(Vec::new),
    }
}

/// Reads and decodes one input; the error names the file and position.
fn load(input: &Input) -> Result<String, String> {
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
fn write_file(path: &Path, text: &str) -> Result<(), String> {
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
            format!("{}: {}", path.display(), super::inputs::io_message(&e))
        })
}

pub fn strip(paths: &[String], output_file: Option<&Path>) -> u8 {
    let (inputs, mut errors) = expand(paths);
    if output_file.is_some() && inputs.len() > 1 {
        error("-o/--output takes one input; use one file at a time");
        return EXIT_ERROR;
    }
    for input in &inputs {
        match load(input) {
            Ok(text) => {
                let stripped = ann::strip(&text);
                match output_file {
                    Some(p) => {
                        if let Err(e) = write_file(p, &stripped) {
                            errors.push(e);
                        }
                    }
                    None => {
                        if !emit(&stripped) {
                            break;
                        }
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        error(e);
    }
    if errors.is_empty() {
        0
    } else {
        EXIT_ERROR
    }
}

pub fn eval(
    files: &[PathBuf],
    min_precision: Option<f64>,
    min_recall: Option<f64>,
    analysis: &Analysis,
) -> u8 {
    let engine = match engine(analysis, false) {
        Ok(e) => e,
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
                error(&format!("{name}: {}", super::inputs::io_message(&e)));
                return EXIT_ERROR;
            }
        }
    }
    let summary = eval::evaluate(&engine, &rows);
    emit(&summary.render());
    let low_p = min_precision.is_some_and(|m| summary.precision() < m);
    let low_r = min_recall.is_some_and(|m| summary.recall() < m);
    if low_p || low_r {
        EXIT_FINDINGS
    } else {
        0
    }
}

fn status_of(g: &Glossary, m: &openclaim::glossary::Model) -> Openness {
    g.facts(m, None).status
}

fn entry_json(g: &Glossary, m: &openclaim::glossary::Model) -> serde_json::Value {
    let facts = g.facts(m, None);
    serde_json::json!({
        "id": m.id,
        "canonical": m.canonical,
        "kind": m.kind,
        "family": m.family,
        "developer": m.developer,
        "released": m.released,
        "aliases": m.aliases,
        "ambiguous": m.ambiguous,
        "status": facts.status,
        "license": match facts.license {
            Some(l) => serde_json::json!({"name": l.name, "spdx": l.id, "osi_approved": l.osi_approved, "url": l.url}),
            None => serde_json::json!({"name": "varies by version", "spdx": null}),
        },
        "weights": m.weights,
        "data": m.data,
        "code": m.code,
        "source": m.source,
        "as_of": m.as_of,
        "note": m.note,
        "history": m.history,
        "origin": m.origin,
    })
}

pub fn glossary(cmd: GlossaryCommand) -> u8 {
    match cmd {
        GlossaryCommand::List { format, analysis } => {
            let g = match super::load_glossary(&analysis.glossary) {
                Ok(g) => g,
                Err(e) => {
                    error(&e);
                    return EXIT_ERROR;
                }
            };
            match format {
                ListFormat::Json => {
                    let all: Vec<_> = g.models().iter().map(|m| entry_json(&g, m)).collect();
                    emit(&(serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"));
                }
                ListFormat::Text => {
                    let mut out = format!(
                        "{:<34} {:<20} {:<48} {}\n",
                        "MODEL", "DEVELOPER", "LICENSE", "STATUS"
                    );
                    for m in g.models() {
                        let lic = g
                            .license(&m.license)
                            .map(|l| l.id.as_str())
                            .unwrap_or(m.license.as_str());
                        out.push_str(&format!(
                            "{:<34} {:<20} {:<48} {}\n",
                            m.canonical,
                            m.developer,
                            lic,
                            status_of(&g, m).as_str()
                        ));
                    }
                    out.push_str(&format!("{} models\n", g.models().len()));
                    emit(&out);
                }
            }
            0
        }
        GlossaryCommand::Show {
            name,
            format,
            analysis,
        } => {
            let g = match super::load_glossary(&analysis.glossary) {
                Ok(g) => g,
                Err(e) => {
                    error(&e);
                    return EXIT_ERROR;
                }
            };
            let Some(m) = g.find(&name) else {
                error(&format!(
                    "no model named '{name}' in the glossary (try `openclaim glossary list`)"
                ));
                return EXIT_ERROR;
            };
            let v = entry_json(&g, m);
            match format {
                ListFormat::Json => {
                    emit(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"));
                }
                ListFormat::Text => {
                    let facts = g.facts(m, None);
                    let mut out = format!("{} ({})\n", m.canonical, m.id);
                    out.push_str(&format!("  developer: {}\n", m.developer));
                    if let Some(r) = &m.released {
                        out.push_str(&format!("  released:  {r}\n"));
                    }
                    out.push_str(&format!("  status:    {}\n", facts.status.as_str()));
                    match facts.license {
                        Some(l) => out.push_str(&format!(
                            "  license:   {} ({}; {}OSI-approved)\n             {}\n",
                            l.name,
                            l.id,
                            if l.osi_approved { "" } else { "not " },
                            l.restrictions_en
                        )),
                        None => out.push_str("  license:   depends on the version\n"),
                    }
                    out.push_str(
                        &format!(
                            "  weights: {:?}, training data: {:?}, training code: {:?}\n",
                            m.weights, m.data, m.code
                        )
                        .to_lowercase(),
                    );
                    out.push_str(&format!("  aliases:   {}\n", m.aliases.join(", ")));
                    out.push_str(&format!("  source:    {} (as of {})\n", m.source, m.as_of));
                    for h in &m.history {
                        out.push_str(&format!(
                            "  before {}: license {} ({})\n",
                            h.until, h.license, h.source
                        ));
                    }
                    if let Some(n) = &m.note {
                        out.push_str(&format!("  note:      {n}\n"));
                    }
                    out.push_str(&format!(
                        "  defined at {}:{}\n",
                        m.origin.file, m.origin.line
                    ));
                    emit(&out);
                }
            }
            0
        }
        GlossaryCommand::Check { dir } => {
            let result = match &dir {
                Some(d) => match super::read_toml_dir(d) {
                    Ok(files) => Glossary::embedded().with_layer(&files).map(|_| ()),
                    Err(e) => {
                        error(&e);
                        return EXIT_ERROR;
                    }
                },
                None => {
                    let files: Vec<(String, String)> = Glossary::embedded_files()
                        .map(|(n, t)| (format!("glossary/{n}"), t.to_string()))
                        .collect();
                    Glossary::from_files(&files).map(|_| ())
                }
            };
            match result {
                Ok(()) => {
                    eprintln!("glossary ok");
                    0
                }
                Err(errs) => {
                    for e in &errs.0 {
                        eprintln!("{e}");
                    }
                    eprintln!("{} problem(s)", errs.0.len());
                    EXIT_ERROR
                }
            }
        }
    }
}
