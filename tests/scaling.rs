//! Hostile and oversized input: every file finishes with a bounded report.
//! Nothing here measures time; the bounds are on what the analysis
//! produces (the finding cap and its `truncated` mark), so the tests mean
//! the same on a fast and on a loaded machine. `scripts/bench.sh` times the
//! same inputs.

use assert_cmd::Command;
use openclaim::{Engine, Glossary, Options, Style};

const MB: usize = 1 << 20;

/// `unit` repeated up to `bytes` (whole repetitions only).
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

/// One paragraph, one sentence, a claim every ~32 bytes.
fn claims_paragraph(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0;
    while s.len() < bytes {
        i += 1;
        s.push_str(&format!("Llama 3 variant {i}, open source "));
    }
    s
}

fn engine(max_findings: usize) -> Engine {
    Engine::new(
        Glossary::embedded().clone(),
        Options {
            lang: Some(openclaim::Lang::En),
            max_findings,
            ..Options::default()
        },
    )
}

#[test]
fn the_cap_stops_a_file_and_says_so() {
    let text =
        "Meta's open-source Llama 3.2 is here. Google calls the open-source Gemma 3 a gift. \
                GPT-4o is open source, the ad says.\n";
    let all = engine(0).check("a.md", text);
    assert_eq!(all.findings.len(), 3, "{:?}", all.findings);
    assert!(!all.truncated);
    let capped = engine(2).check("a.md", text);
    assert_eq!(capped.findings, all.findings[..2]);
    assert!(capped.truncated);
    // Annotations follow the findings that were kept.
    let (annotated, result) = engine(2).annotate("a.md", text, Style::Critic);
    assert!(result.truncated);
    assert_eq!(annotated.matches("{>>").count(), 2, "{annotated}");
    // A cap the file stays under changes nothing.
    let under = engine(3).check("a.md", text);
    assert_eq!(under.findings, all.findings);
    assert!(!under.truncated);
}

#[test]
fn the_default_cap_is_ten_thousand() {
    assert_eq!(Options::default().max_findings, 10_000);
}

#[test]
fn a_megabyte_of_brackets_finishes_with_nothing_to_report() {
    let text = "[".repeat(MB);
    let r = engine(Options::default().max_findings).check("a.md", &text);
    assert!(r.findings.is_empty());
    assert!(!r.truncated);
}

#[test]
fn a_megabyte_run_of_closing_marks_after_a_claim_finishes() {
    // UAX#29's look-ahead after a full stop, as unicode-segmentation does
    // it, is quadratic in such a run (100 KB took over a minute); the emoji
    // keeps the text out of the fast path for known characters.
    let text = format!("Llama 3 is open source.{} 😀 x\n", ")".repeat(MB));
    let r = engine(Options::default().max_findings).check("a.md", &text);
    assert_eq!(r.findings.len(), 1);
    assert!(!r.truncated);
}

#[test]
fn a_megabyte_paragraph_of_claims_stops_at_the_cap() {
    let text = claims_paragraph(MB);
    let r = engine(20).check("a.md", &text);
    assert_eq!(r.findings.len(), 20);
    assert!(r.truncated);
    assert!(r.findings.iter().all(|f| f.term == "open source"));
}

// Each input below is one sentence of a megabyte with tens of thousands of
// claim terms: it finishes with bounded findings because the decision stage
// builds a sentence's structure once, not once per term.

#[test]
fn a_megabyte_paragraph_of_claims_under_the_default_cap() {
    let text = claims_paragraph(MB);
    let r = engine(Options::default().max_findings).check("a.md", &text);
    assert_eq!(r.findings.len(), 10_000);
    assert!(r.truncated);
}

#[test]
fn a_megabyte_of_open_source_finishes_without_findings() {
    let r = engine(Options::default().max_findings).check("a.md", &repeat("open source ", MB));
    assert!(r.findings.is_empty());
}

#[test]
fn a_megabyte_of_open_source_llama_finishes_with_bounded_findings() {
    let r =
        engine(Options::default().max_findings).check("a.md", &repeat("open source Llama ", MB));
    assert!(r.findings.len() <= 10_000);
}

#[test]
fn the_cli_marks_a_truncated_file_in_json_and_jsonl_and_the_schema_accepts_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let capped = tmp.path().join("capped.md");
    std::fs::write(
        &capped,
        "Meta's open-source Llama 3.2 is here. GPT-4o is open source, the ad says.\n",
    )
    .expect("write");
    let plain = tmp.path().join("plain.md");
    std::fs::write(&plain, "Meta's open-source Llama 3.2 is here.\n").expect("write");

    let out = Command::cargo_bin("openclaim")
        .expect("binary")
        .args([
            "check",
            "--format",
            "jsonl",
            "--no-config",
            "--max-findings",
            "1",
        ])
        .arg(&capped)
        .arg(&plain)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let by_name = |n: &str| {
        lines
            .iter()
            .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(n)))
            .expect("file in report")
    };
    assert_eq!(by_name("capped.md")["truncated"], serde_json::json!(true));
    assert_eq!(
        by_name("capped.md")["findings"].as_array().map(Vec::len),
        Some(1)
    );
    // A file under the cap has no such key: its report is unchanged.
    assert!(by_name("plain.md").get("truncated").is_none());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("capped.md") && stderr.contains("--max-findings"),
        "{stderr}"
    );

    let json = Command::cargo_bin("openclaim")
        .expect("binary")
        .args([
            "check",
            "--format",
            "json",
            "--no-config",
            "--max-findings",
            "1",
        ])
        .arg(&capped)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json report");
    assert_eq!(report["files"][0]["truncated"], serde_json::json!(true));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/report.schema.json"
        ))
        .expect("schema"),
    )
    .expect("schema json");
    let v = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> = v.iter_errors(&report).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The schema still refuses a false or misspelt mark.
    let mut wrong = report.clone();
    wrong["files"][0]["truncated"] = serde_json::json!(false);
    assert!(!v.is_valid(&wrong));

    // The configuration file sets the cap too, and 0 lifts it.
    std::fs::write(tmp.path().join(".openclaim.toml"), "max_findings = 0\n").expect("cfg");
    let lifted = Command::cargo_bin("openclaim")
        .expect("binary")
        .args(["check", "--format", "jsonl"])
        .arg(&capped)
        .output()
        .expect("runs");
    let line: serde_json::Value = serde_json::from_slice(&lifted.stdout).expect("one json line");
    assert_eq!(line["findings"].as_array().map(Vec::len), Some(2));
    assert!(line.get("truncated").is_none());
}
