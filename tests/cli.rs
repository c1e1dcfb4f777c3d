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
    assert!(annotated.contains("[^openclaim-1-"));
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
        s.starts_with("GPT-4o is {~~open source~>proprietary~~}{>>openclaim#"),
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

#[test]
fn explain_names_the_phrase_clause_and_deciding_relation() {
    let out = openclaim()
        .args(["check", "--explain", "--lang", "en", "--color", "never", "-"])
        .write_stdin("Mistral 7B, an open-source model, is fast. Meta shipped Llama 3 in April. It is an open-source model.\n")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("= why: structure: phrase \"an open-source model\", head \"model\" (ModelClass), main clause; relation apposition"),
        "{text}"
    );
    assert!(
        text.contains(
            "= why: 'open-source' describes Llama 3 (refers back to the model named before)"
        ),
        "{text}"
    );
    // Without --explain the report says nothing of it.
    let plain = openclaim()
        .args(["check", "--lang", "en", "--color", "never", "-"])
        .write_stdin("Mistral 7B, an open-source model, is fast.\n")
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("why:"));
}

#[test]
fn explain_sentence_keeps_only_the_conjunct_after_but_as_subject() {
    for (lang, sentence) in [
        ("en", "Not Llama 3 but OLMo 2 is truly open source."),
        ("nl", "Niet Llama 3 maar OLMo 2 is echt open source."),
    ] {
        let out = openclaim()
            .args(["explain", "--lang", lang, "--sentence", sentence])
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("relation predicate via \"is\" -> OLMo 2\n"),
            "{text}"
        );
        assert!(!text.contains("-> Llama 3"), "{text}");
    }
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

/// Runs the binary in `dir` and returns (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    let out = openclaim()
        .current_dir(dir)
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const DRAFT_EN: &str = "# Llamas everywhere\n\nOpen-source models such as Llama 3.1 lead the charts.\n\n> \"Llama 3.1 is open source,\" a Meta spokesperson said.\n\nGPT-4o has been made open source for researchers, the post claims.\n";

#[test]
fn fix_writes_accepted_replacements_and_leaves_quotes_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::write(d.join("a.md"), DRAFT_EN).expect("write");
    std::fs::write(d.join("careful.md"), "OLMo 2 is fully open source.\n").expect("write");

    // --diff writes nothing and shows the one safe change.
    let (code, diff, _) = run_in(d, &["fix", "--diff", "a.md"], b"");
    assert_eq!(code, Some(1), "{diff}");
    assert!(
        diff.starts_with("--- a/a.md\n+++ b/a.md\n@@ -3,1 +3,1 @@\n"),
        "{diff}"
    );
    assert!(
        diff.contains("+Open-weights models such as Llama 3.1"),
        "{diff}"
    );
    assert!(
        !diff.contains("spokesperson"),
        "a quotation was changed:\n{diff}"
    );
    assert!(
        !diff.contains("proprietary"),
        "no safe wording for 'made open source':\n{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("a.md")).expect("read"),
        DRAFT_EN
    );

    // Standard output, -o (which says what it wrote), --out-dir and --in-place agree.
    let (_, stdout, _) = run_in(d, &["fix", "a.md"], b"");
    let (_, _, said) = run_in(d, &["fix", "-o", "b.md", "a.md"], b"");
    assert!(said.contains("wrote b.md"), "{said}");
    assert_eq!(std::fs::read_to_string(d.join("b.md")).expect("b"), stdout);
    run_in(d, &["fix", "--out-dir", "out", "a.md"], b"");
    assert_eq!(
        std::fs::read_to_string(d.join("out/a.md")).expect("out"),
        stdout
    );
    let careful_before = std::fs::metadata(d.join("careful.md"))
        .expect("meta")
        .modified()
        .expect("mtime");
    let (code, _, _) = run_in(d, &["fix", "--in-place", "a.md", "careful.md"], b"");
    assert_eq!(code, Some(1));
    assert_eq!(std::fs::read_to_string(d.join("a.md")).expect("a"), stdout);
    assert!(stdout.contains("> \"Llama 3.1 is open source,\" a Meta spokesperson said."));
    assert_eq!(
        std::fs::metadata(d.join("careful.md"))
            .expect("meta")
            .modified()
            .expect("mtime"),
        careful_before,
        "a file with nothing to fix was rewritten"
    );

    // A dismissed finding is left as written.
    let (_, json, _) = run_in(d, &["check", "--format", "json", "-"], DRAFT_EN.as_bytes());
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    let id = report["files"][0]["findings"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (_, kept, _) = run_in(d, &["fix", "--dismiss", &id, "-"], DRAFT_EN.as_bytes());
    assert_eq!(kept, DRAFT_EN);
}

#[test]
fn dutch_fix_rewrites_a_compound_as_a_whole() {
    let dir = tempfile::tempdir().expect("tmp");
    let src = "Nederland krijgt met GPT-NL een eigen opensourcemodel, meldt het kabinet.\n\n„Ons Mistral Large 2 is open source”, zei de topman.\n";
    let (_, out, _) = run_in(dir.path(), &["fix", "--lang", "nl", "-"], src.as_bytes());
    assert!(
        out.contains("een eigen model met open gewichten, meldt"),
        "{out}"
    );
    assert!(
        out.contains("„Ons Mistral Large 2 is open source”"),
        "{out}"
    );
}

#[test]
fn every_format_names_the_rule() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let input = b"Meta's open-source Llama 3.2 model is here. According to Meta, Llama 3.3 is open source.\n";
    let (_, compact, _) = run_in(
        d,
        &["check", "--lang", "en", "--format", "compact", "-"],
        input,
    );
    let lines: Vec<&str> = compact.lines().collect();
    assert_eq!(lines.len(), 2, "{compact}");
    assert!(lines[0].ends_with("[OC001]"), "{compact}");
    assert!(lines[1].ends_with("[OC003]"), "{compact}");
    assert!(lines.iter().all(|l| l.len() <= 160), "{compact}");
    let (_, verbose, _) = run_in(
        d,
        &["check", "--lang", "en", "--format", "compact", "-v", "-"],
        input,
    );
    assert!(
        verbose.contains("Llama 3.2 is not open source: its weights"),
        "{verbose}"
    );
    let (_, json, _) = run_in(
        d,
        &["check", "--lang", "en", "--format", "json", "-"],
        input,
    );
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["files"][0]["findings"][0]["rule"], "OC001");
    let (_, rd, _) = run_in(
        d,
        &["check", "--lang", "en", "--format", "rdjsonl", "-"],
        input,
    );
    assert!(rd.contains("\"value\":\"OC001\""), "{rd}");
    let (_, human, _) = run_in(d, &["check", "--lang", "en", "-"], input);
    assert!(
        human.contains("warning[OC001]: 'open-source' claim about Llama 3.2"),
        "{human}"
    );
    // At most six lines per finding (a blank line between them), none over 80 columns.
    for block in human.trim_end().split("\n\n") {
        assert!(block.lines().count() <= 6, "{block}");
    }
    assert!(human.lines().all(|l| l.chars().count() <= 80), "{human}");
}

#[test]
fn documents_and_encodings_get_an_honest_answer() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    std::fs::write(
        d.join("draft.docx"),
        b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml",
    )
    .expect("w");
    std::fs::write(d.join("draft.pdf"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").expect("w");
    let (code, _, err) = run_in(d, &["check", "draft.docx", "draft.pdf"], b"");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("draft.docx: binary file, a Word document (.docx)"),
        "{err}"
    );
    assert!(
        err.contains("draft.pdf: binary file, a PDF document"),
        "{err}"
    );
    assert!(err.contains("save it as Markdown or plain text"), "{err}");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "GPT-4o is open source.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(d.join("wide.md"), &utf16).expect("w");
    let (code, out, err) = run_in(
        d,
        &["check", "--lang", "en", "--format", "compact", "wide.md"],
        b"",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(out.contains("claim about GPT-4o"), "{out}");

    std::fs::write(
        d.join("latin.md"),
        b"Caf\xe9 talk: GPT-4o is open source.\n",
    )
    .expect("w");
    let (code, _, err) = run_in(d, &["check", "latin.md"], b"");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("latin.md:1:4: invalid UTF-8") && err.contains("--encoding"),
        "{err}"
    );
    let (code, out, _) = run_in(
        d,
        &[
            "check",
            "--encoding",
            "latin1",
            "--format",
            "compact",
            "latin.md",
        ],
        b"",
    );
    assert_eq!(code, Some(1));
    assert!(out.contains("claim about GPT-4o"), "{out}");
}

#[test]
fn other_languages_empty_drafts_and_missing_files_are_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let german = "Der neue Chatbot von Meta ist nicht so offen, wie das Unternehmen behauptet. Die Lizenz von Llama 3 ist keine Open-Source-Lizenz, und auch die Trainingsdaten sind nicht frei, aber das Modell wird trotzdem gern mit dem Etikett beworben.\n";
    std::fs::write(d.join("de.md"), german).expect("w");
    let (code, _, err) = run_in(d, &["check", "de.md"], b"");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("de.md: not checked: this looks like German"),
        "{err}"
    );
    let (code, _, _) = run_in(d, &["check", "--lang", "en", "de.md"], b"");
    assert_eq!(code, Some(0));
    // auto is accepted as in the configuration file.
    let (code, _, err) = run_in(d, &["check", "--lang", "auto", "de.md"], b"");
    assert_eq!(code, Some(2), "{err}");

    std::fs::write(d.join("empty.md"), "\n").expect("w");
    let (code, out, _) = run_in(d, &["check", "empty.md"], b"");
    assert_eq!(code, Some(0));
    assert!(out.contains("empty.md: nothing to check"), "{out}");

    let (code, _, err) = run_in(d, &["check", "gone.md"], b"");
    assert_eq!(code, Some(2));
    assert!(err.contains("(not checked: gone.md)"), "{err}");

    let (_, _, said) = run_in(
        d,
        &["annotate", "-o", "out.md", "de.md", "--lang", "en"],
        b"",
    );
    assert!(said.contains("wrote out.md"), "{said}");
}

#[test]
fn glossary_list_fits_80_columns() {
    let out = openclaim()
        .args(["glossary", "list"])
        .output()
        .expect("run");
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    assert!(stdout.lines().count() > 20, "{stdout}");
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn an_unknown_model_name_suggests_the_nearest() {
    let out = openclaim()
        .args(["glossary", "show", "Lama 3"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean") && stderr.contains("Llama 3"),
        "{stderr}"
    );
    let out = openclaim()
        .args(["glossary", "show", "Zzzzqqq"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("glossary list"));
}
