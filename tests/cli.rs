//! The binary as a user meets it: exit codes, errors that name the file,
//! formats, and the JSON keys other tools read.

use std::path::Path;

use assert_cmd::Command;

fn openclaim() -> Command {
    Command::cargo_bin("openclaim").expect("binary")
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn careful_article_exits_zero_and_open_washing_exits_one() {
    openclaim()
        .args(["check", &fixture("nl-careful-nvlm.md")])
        .assert()
        .code(0);
    openclaim()
        .args(["check", &fixture("en-openwashing.md")])
        .assert()
        .code(1);
    openclaim()
        .args(["check", "--fail-on", "never", &fixture("en-openwashing.md")])
        .assert()
        .code(0);
}

#[test]
fn fail_on_note_counts_notes() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path().join("a.md");
    std::fs::write(&p, "Mistral 7B is an open-source model.\n").expect("write");
    openclaim()
        .args(["check", p.to_str().expect("utf8")])
        .assert()
        .code(0);
    openclaim()
        .args(["check", "--fail-on", "note", p.to_str().expect("utf8")])
        .assert()
        .code(1);
    openclaim()
        .args([
            "check",
            "--definition",
            "license",
            "--fail-on",
            "note",
            p.to_str().expect("utf8"),
        ])
        .assert()
        .code(0);
}

#[test]
fn json_report_keeps_the_contract_keys() {
    let out = openclaim()
        .args(["check", "--format", "json", &fixture("en-openwashing.md")])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["schema"], "openclaim-report/1");
    let file = &v["files"][0];
    for key in ["path", "lang", "error", "findings"] {
        assert!(file.get(key).is_some(), "file key {key}");
    }
    let f = &file["findings"][0];
    for key in [
        "severity",
        "line",
        "column",
        "start",
        "end",
        "term",
        "model",
        "status",
        "polarity",
        "voice",
        "sentence",
        "correction",
        "license",
        "source",
    ] {
        assert!(f.get(key).is_some(), "finding key {key}");
    }
    assert!(f["model"]["text"].is_string() && f["model"]["canonical"].is_string());
    assert!(f["license"].get("name").is_some() && f["license"].get("spdx").is_some());
    assert!(matches!(f["severity"].as_str(), Some("warning" | "note")));
    // start/end are byte offsets of the term in the file.
    let text = std::fs::read_to_string(fixture("en-openwashing.md")).expect("fixture");
    let (s, e) = (
        f["start"].as_u64().expect("start") as usize,
        f["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&text[s..e], f["term"].as_str().expect("term"));
}

#[test]
fn compact_format_is_one_line_per_finding() {
    let out = openclaim()
        .args([
            "check",
            "--format",
            "compact",
            &fixture("en-openwashing.md"),
        ])
        .output()
        .expect("run");
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        let parts: Vec<&str> = line.splitn(5, ':').collect();
        assert_eq!(parts.len(), 5, "{line}");
        assert!(parts[0].ends_with("en-openwashing.md"));
        assert!(
            parts[1].parse::<usize>().is_ok() && parts[2].parse::<usize>().is_ok(),
            "{line}"
        );
        assert!(matches!(parts[3].trim(), "warning" | "note"), "{line}");
    }
}

#[test]
fn human_output_shows_location_sentence_and_correction() {
    let out = openclaim()
        .args(["check", "--lang", "en", "-"])
        .write_stdin("Meta's open-source Llama 3.2 model is here.\n")
        .output()
        .expect("run");
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    assert!(stdout.contains("--> <stdin>:1:8"), "{stdout}");
    assert!(
        stdout.contains("Meta's open-source Llama 3.2 model is here."),
        "{stdout}"
    );
    assert!(stdout.contains("       ^^^^^^^^^^^"), "{stdout}");
    assert!(stdout.contains("Llama 3.2 is not open source"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_inputs_are_named_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::write(d.join("bad.md"), b"fine\nbroken \xff here\n").expect("write");
    std::fs::write(d.join("bin.md"), b"\x00\x01\x02PK").expect("write");
    std::fs::write(d.join("empty.md"), b"").expect("write");
    std::fs::write(d.join("good.md"), "GPT-4o is open source.\n").expect("write");
    std::fs::create_dir(d.join("nomd")).expect("dir");
    std::fs::write(d.join("nomd/readme.txt"), "x").expect("write");
    let path = |n: &str| d.join(n).to_str().expect("utf8").to_string();
    let out = openclaim()
        .args([
            "check",
            "--format",
            "compact",
            &path("bad.md"),
            &path("bin.md"),
            &path("empty.md"),
            &path("missing.md"),
            &path("nomd"),
            &path("good.md"),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    assert!(stderr.contains("bad.md:2:8: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("bin.md: binary file"), "{stderr}");
    assert!(
        stderr.contains("missing.md: no such file or directory"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nomd: directory contains no Markdown files"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("empty.md"),
        "an empty file is fine: {stderr}"
    );
    assert!(
        stdout.contains("good.md:1:11: warning:"),
        "the good file is still checked: {stdout}"
    );
}

#[test]
fn directories_are_walked_for_markdown() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("a/b")).expect("dirs");
    std::fs::write(dir.path().join("a/b/x.md"), "GPT-4o is open source.\n").expect("write");
    std::fs::write(dir.path().join("a/y.markdown"), "Llama 2 is open source.\n").expect("write");
    std::fs::write(dir.path().join("a/z.txt"), "Llama 2 is open source.\n").expect("write");
    let out = openclaim()
        .args([
            "check",
            "--format",
            "json",
            dir.path().to_str().expect("utf8"),
        ])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["files"].as_array().map(Vec::len), Some(2));
}

#[test]
fn annotate_then_strip_restores_the_file_and_leaves_input_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = fixture("nl-openwashing.md");
    let before = std::fs::read(&input).expect("read");
    let out = dir.path().join("out.md");
    openclaim()
        .args([
            "annotate",
            "--style",
            "footnote",
            "-o",
            out.to_str().expect("utf8"),
            &input,
        ])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read(&input).expect("read"),
        before,
        "the input is never modified"
    );
    let annotated = std::fs::read_to_string(&out).expect("annotated");
    assert!(annotated.contains("[^openclaim-1]"));
    let stripped = openclaim()
        .args(["strip", out.to_str().expect("utf8")])
        .output()
        .expect("run");
    assert_eq!(stripped.stdout, before);
}

#[test]
fn annotate_prints_to_stdout_by_default() {
    let out = openclaim()
        .args(["annotate", "-"])
        .write_stdin("GPT-4o is open source.\n")
        .output()
        .expect("run");
    let s = String::from_utf8(out.stdout).expect("utf8");
    assert!(
        s.starts_with("GPT-4o is {~~open source~>proprietary~~}{>>openclaim: "),
        "{s}"
    );
}

#[test]
fn usage_errors_exit_two() {
    openclaim().args(["check"]).assert().code(2);
    openclaim()
        .args(["check", "--format", "xml", "x.md"])
        .assert()
        .code(2);
    openclaim()
        .args(["check", "--lang", "de", "x.md"])
        .assert()
        .code(2);
    openclaim()
        .args(["check", "--as-of", "yesterday", "x.md"])
        .assert()
        .code(2);
}

#[test]
fn as_of_uses_the_facts_of_that_date() {
    let out = openclaim()
        .args(["check", "--format", "json", "--as-of", "2023-05-20", "-"])
        .write_stdin("Falcon-40B is open source.\n")
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let f = &v["files"][0]["findings"][0];
    assert_eq!(f["status"], "restricted-weights");
    assert_eq!(f["facts_date"], "2023-05-20");
}

#[test]
fn glossary_commands() {
    let out = openclaim()
        .args(["glossary", "list"])
        .output()
        .expect("run");
    let s = String::from_utf8(out.stdout).expect("utf8");
    let models = s
        .lines()
        .filter(|l| !l.starts_with("MODEL") && !l.ends_with(" models"))
        .count();
    assert!(models >= 100, "{models} models");
    let out = openclaim()
        .args([
            "glossary",
            "show",
            "--format",
            "json",
            "meta-llama/Llama-3.2-11B-Vision",
        ])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in [
        "canonical",
        "family",
        "developer",
        "aliases",
        "status",
        "license",
        "weights",
        "data",
        "code",
        "source",
        "as_of",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["status"], "restricted-weights");
    openclaim().args(["glossary", "check"]).assert().code(0);
    openclaim()
        .args(["glossary", "show", "No Such Model"])
        .assert()
        .code(2);
}

#[test]
fn a_bad_user_glossary_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("x.toml"),
        "[[model]]\nid = \"my-model\"\ncanonical = \"My Model\"\ndeveloper = \"Me\"\naliases = [\"My Model\", \"Llama 3.2\"]\n\
         license = \"No-Such-License\"\nweights = \"yes\"\ndata = \"no\"\ncode = \"no\"\nsource = \"https://example.com\"\nas_of = \"2025-01-01\"\nbogus = 1\n",
    )
    .expect("write");
    let out = openclaim()
        .args(["glossary", "check", dir.path().to_str().expect("utf8")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    assert!(stderr.contains("x.toml:"), "{stderr}");
    assert!(stderr.contains("bogus"), "{stderr}");
}

#[test]
fn a_user_glossary_overrides_and_adds() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("local.toml"),
        "[[model]]\nid = \"acme-7b\"\ncanonical = \"Acme 7B\"\ndeveloper = \"Acme\"\naliases = [\"Acme 7B\"]\n\
         license = \"LicenseRef-Proprietary\"\nweights = \"no\"\ndata = \"no\"\ncode = \"no\"\nsource = \"https://example.com/acme\"\nas_of = \"2025-01-01\"\n",
    )
    .expect("write");
    let out = openclaim()
        .args([
            "check",
            "--format",
            "json",
            "--glossary",
            dir.path().to_str().expect("utf8"),
            "-",
        ])
        .write_stdin("Acme 7B is open source.\n")
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["files"][0]["findings"][0]["model"]["canonical"],
        "Acme 7B"
    );
    assert_eq!(v["files"][0]["findings"][0]["status"], "closed");
}

#[test]
fn explain_lists_dismissed_claims() {
    let out = openclaim()
        .args([
            "check",
            "--explain",
            "--format",
            "json",
            "--lang",
            "nl",
            "-",
        ])
        .write_stdin("Écht open-source is NVLM-D-72B echter niet.\n")
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &v["files"][0]["dismissed"][0];
    assert_eq!(d["model"], "NVLM-D-72B");
    assert!(
        d["reason"].as_str().expect("reason").contains("niet"),
        "{d}"
    );
}

/// The reference article from the product design, when it is beside the repository.
#[test]
fn reference_article_gets_no_warning() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/nvlm-open-is-niet-open-source.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is not present", seed.display());
        return;
    }
    let out = openclaim()
        .args([
            "check",
            "--format",
            "json",
            "--lang",
            "nl",
            seed.to_str().expect("utf8"),
        ])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["files"][0]["findings"].as_array().map(Vec::len),
        Some(0),
        "{v}"
    );
}
