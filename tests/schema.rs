//! Reports validate against the JSON Schema in schema/, so the schema and
//! the code cannot drift apart.

use openclaim::report::Report;
use openclaim::{Engine, Glossary, Options};

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/report.schema.json"
    ))
    .expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema json");
    jsonschema::validator_for(&schema).expect("valid schema")
}

#[test]
fn fixture_reports_match_the_schema() {
    let v = validator();
    let engine = Engine::new(
        Glossary::embedded().clone(),
        Options {
            explain: true,
            ..Options::default()
        },
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let p = entry.path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name.ends_with(".md") && name.matches('.').count() == 1 {
            let text = std::fs::read_to_string(&p).expect("fixture");
            files.push(engine.check(&name, &text).report);
        }
    }
    assert!(files.iter().map(|f| f.findings.len()).sum::<usize>() > 10);
    let json = serde_json::to_value(Report::new(&files)).expect("json");
    let errors: Vec<String> = v
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_schema_rejects_a_renamed_key() {
    let v = validator();
    let bad = serde_json::json!({"schema": "openclaim-report/1", "version": "0", "files": [{"path": "x", "lang": "en", "error": null, "finding": []}]});
    assert!(!v.is_valid(&bad));
}
