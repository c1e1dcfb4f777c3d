//! Fixture articles: `fixtures/<name>.md` beside its expected outputs
//! `<name>.critic.md`, `<name>.footnote.md`, `<name>.comment.md` and
//! `<name>.report.json`, compared byte for byte. `OPENCLAIM_BLESS=1 cargo test`
//! rewrites them; review the diff. `<name>.expect.tsv` holds the labels an
//! editor gave each claim, checked against the findings.

use std::path::{Path, PathBuf};

use openclaim::report::Report;
use openclaim::{Engine, Glossary, Options, Style};

const STYLES: &[(&str, Style)] = &[
    ("critic", Style::Critic),
    ("footnote", Style::Footnote),
    ("comment", Style::Comment),
];

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && name.matches('.').count() == 1
        })
        .collect();
    v.sort();
    assert!(
        v.len() >= 6,
        "expected at least six fixture articles, found {}",
        v.len()
    );
    v
}

fn engine() -> Engine {
    Engine::new(Glossary::embedded().clone(), Options::default())
}

fn compare(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("OPENCLAIM_BLESS").is_some() {
        std::fs::write(path, actual).expect("write snapshot");
        return;
    }
    match std::fs::read(path) {
        Ok(expected) if expected == actual.as_bytes() => {}
        Ok(expected) => {
            let expected = String::from_utf8_lossy(&expected);
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .map(|i| i + 1)
                .unwrap_or(expected.lines().count().min(actual.lines().count()) + 1);
            failures.push(format!(
                "{}: differs from line {line} (OPENCLAIM_BLESS=1 to update)",
                path.display()
            ));
        }
        Err(_) => failures.push(format!(
            "{}: missing (OPENCLAIM_BLESS=1 to create)",
            path.display()
        )),
    }
}

#[test]
fn annotated_outputs_and_reports_match_snapshots() {
    let engine = engine();
    let mut failures = Vec::new();
    for md in fixtures() {
        let text = std::fs::read_to_string(&md).expect("fixture text");
        let stem = md
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("stem")
            .to_string();
        let rel = format!("fixtures/{stem}.md");
        for (name, style) in STYLES {
            let (annotated, _) = engine.annotate(&rel, &text, *style);
            assert_eq!(
                openclaim::annotate::strip(&annotated),
                text,
                "{rel} {name}: strip must restore the article"
            );
            let (again, _) = engine.annotate(&rel, &annotated, *style);
            assert_eq!(
                again, annotated,
                "{rel} {name}: annotating twice must change nothing"
            );
            compare(
                &md.with_file_name(format!("{stem}.{name}.md")),
                &annotated,
                &mut failures,
            );
        }
        let result = engine.check(&rel, &text);
        let json = serde_json::to_string_pretty(&Report::new(std::slice::from_ref(&result.report)))
            .expect("json")
            + "\n";
        compare(
            &md.with_file_name(format!("{stem}.report.json")),
            &json,
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn careful_articles_get_no_finding() {
    let engine = engine();
    for md in fixtures()
        .iter()
        .filter(|p| p.to_string_lossy().contains("careful"))
    {
        let text = std::fs::read_to_string(md).expect("fixture");
        let r = engine.check("x.md", &text);
        assert!(r.findings.is_empty(), "{}: {:#?}", md.display(), r.findings);
    }
}

/// Each `line<TAB>model<TAB>label` row: positive labels need a finding of
/// the right severity for that model on that line; negative labels need
/// none (unless the same line also holds a positive row for the model,
/// since one line can carry two sentences).
#[test]
fn findings_match_the_editorial_labels() {
    let engine = engine();
    let g = Glossary::embedded();
    let mut failures = Vec::new();
    for md in fixtures() {
        let tsv = md.with_extension("expect.tsv");
        let Ok(labels) = std::fs::read_to_string(&tsv) else {
            failures.push(format!("{}: missing", tsv.display()));
            continue;
        };
        let text = std::fs::read_to_string(&md).expect("fixture");
        let r = engine.check("x.md", &text);
        let rows: Vec<Vec<&str>> = labels
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        for row in &rows {
            let (line, model, label) = (row[0].parse::<usize>().expect("line"), row[1], row[2]);
            let id = g.find(model).map(|m| m.id.clone());
            let found: Vec<&str> = r
                .findings
                .iter()
                .filter(|f| f.line == line && Some(&f.model.id) == id.as_ref())
                .map(|f| f.severity.as_str())
                .collect();
            let ok = match label {
                "FLAG" => found.contains(&"warning"),
                "FLAG-ATTRIBUTED" => !found.is_empty(),
                "OPEN-WEIGHTS-CLAIM" => found.contains(&"note"),
                _ => {
                    found.is_empty()
                        || rows.iter().any(|o| {
                            o[0] == row[0]
                                && g.find(o[1]).map(|m| &m.id) == id.as_ref()
                                && matches!(o[2], "FLAG" | "FLAG-ATTRIBUTED" | "OPEN-WEIGHTS-CLAIM")
                        })
                }
            };
            if !ok {
                failures.push(format!(
                    "{}:{line}: {model} {label}, got {found:?}",
                    md.display()
                ));
            }
        }
        for f in &r.findings {
            let covered = rows.iter().any(|row| {
                row[0].parse::<usize>().ok() == Some(f.line)
                    && g.find(row[1]).map(|m| &m.id) == Some(&f.model.id)
            });
            if !covered {
                failures.push(format!(
                    "{}:{}: unlabelled finding about {}",
                    md.display(),
                    f.line,
                    f.model.canonical
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
