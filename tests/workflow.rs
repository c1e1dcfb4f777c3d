//! The editor's and CI workflow, from the installed binary: configuration
//! files, suppression counts, colour and wrapping, SARIF (validated against
//! the SARIF 2.1.0 schema), reviewdog JSON Lines, --no-exit, explain,
//! completions and the man page.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn openclaim() -> Command {
    let mut c = Command::cargo_bin("openclaim").expect("binary");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("dirs");
    }
    std::fs::write(p, text).expect("write");
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = openclaim()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf8"),
        stderr: String::from_utf8(out.stderr).expect("utf8"),
    }
}

const WASHING: &str =
    "Meta's open-source Llama 3.2 model is here.\n\nMistral 7B is an open-source model.\n";

/// A newsroom tree: a root configuration that accepts Llama 3.2 and ignores
/// drafts/, and a Dutch desk below it with its own configuration.
fn newsroom() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        ".openclaim.toml",
        "fail_on = \"note\"\nignore = [\"drafts/\"]\n\n[models.\"Llama 3.2\"]\naccept = true\nreason = \"house style\"\n",
    );
    write(d, "news/a.md", WASHING);
    write(d, "drafts/b.md", WASHING);
    write(
        d,
        "nl/.openclaim.toml",
        "lang = \"nl\"\nstyle = \"comment\"\n\n[severity]\nopen-weights = \"none\"\n",
    );
    write(d, "nl/c.md", WASHING);
    tmp
}

#[test]
fn the_nearest_configuration_governs_each_file() {
    let tmp = newsroom();
    let r = run(tmp.path(), &["check", "--format", "json", "."]);
    let v: Value = serde_json::from_str(&r.stdout).expect("json");
    let files = v["files"].as_array().expect("files");
    let paths: Vec<&str> = files.iter().filter_map(|f| f["path"].as_str()).collect();
    assert!(
        !paths.iter().any(|p| p.contains("drafts")),
        "drafts/ is ignored: {paths:?}"
    );
    let find = |name: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("{name} in {paths:?}"))
    };
    let ids = |f: &Value| -> Vec<String> {
        f["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|x| x["model"]["id"].as_str().unwrap_or("").to_string())
            .collect()
    };
    // Root config: Llama 3.2 accepted, Mistral 7B a note, and fail_on = note makes it fail.
    assert_eq!(ids(find("news/a.md")), ["mistral-7b"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // The Dutch desk's own file wins (nearest, not merged): Llama is reported again,
    // open-weights claims are not, and the article is judged in Dutch.
    let c = find("nl/c.md");
    assert_eq!(ids(c), ["llama-3.2"]);
    assert_eq!(c["lang"], "nl");
    assert!(r.stderr.contains("ignored:  1 file"), "{}", r.stderr);
    // A file named on the command line is ignored too (as pre-commit passes them), and says so.
    let r = run(tmp.path(), &["check", "drafts/b.md"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(r.stderr.contains("1 file ignored"), "{}", r.stderr);
}

#[test]
fn flags_win_over_the_file_and_no_config_ignores_it() {
    let tmp = newsroom();
    let d = tmp.path();
    // fail_on = "note" from the file; --fail-on warning from the flag wins.
    assert_eq!(run(d, &["check", "news/a.md"]).code, 1);
    assert_eq!(
        run(d, &["check", "--fail-on", "warning", "news/a.md"]).code,
        0
    );
    // --no-config: the default table, Llama 3.2 is a warning again.
    let r = run(
        d,
        &["check", "--no-config", "--format", "compact", "news/a.md"],
    );
    assert!(
        r.stdout
            .contains("warning: 'open-source' claim about Llama 3.2"),
        "{}",
        r.stdout
    );
    assert_eq!(r.code, 1);
    // --config FILE: one file for every input, wherever it is.
    write(d, "strict.toml", "[severity]\nopen-weights = \"warning\"\n");
    let r = run(
        d,
        &[
            "check",
            "--config",
            "strict.toml",
            "--format",
            "compact",
            "nl/c.md",
        ],
    );
    assert!(
        r.stdout
            .contains("warning: 'open-source' claim about Mistral 7B"),
        "{}",
        r.stdout
    );
    // The style of annotate comes from the configuration unless --style is given.
    let r = run(d, &["annotate", "nl/c.md"]);
    assert!(r.stdout.contains("<!-- openclaim#"), "{}", r.stdout);
    let r = run(d, &["annotate", "--style", "critic", "nl/c.md"]);
    assert!(r.stdout.contains("{>>openclaim#"), "{}", r.stdout);
    // stream reads the working directory's configuration.
    let out = openclaim()
        .current_dir(d.join("nl"))
        .args(["stream", "--annotate"])
        .write_stdin("{\"id\": 1, \"markdown\": \"GPT-4o is open source.\\n\"}\n")
        .output()
        .expect("run");
    let line: Value = serde_json::from_slice(&out.stdout).expect("jsonl");
    assert!(
        line["annotated"]
            .as_str()
            .is_some_and(|a| a.contains("<!-- openclaim#")),
        "{line}"
    );
}

#[test]
fn config_show_says_where_each_value_came_from() {
    let tmp = newsroom();
    let r = run(tmp.path(), &["config", "show", "--lang", "en", "nl/c.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = |key: &str| {
        r.stdout
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key} in\n{}", r.stdout))
            .to_string()
    };
    assert!(
        line("lang = \"en\"").ends_with("# flag --lang"),
        "{}",
        r.stdout
    );
    assert!(
        line("style = \"comment\"").contains("# nl/.openclaim.toml:2:9"),
        "{}",
        r.stdout
    );
    assert!(
        line("definition = \"osaid\"").ends_with("# default"),
        "{}",
        r.stdout
    );
    assert!(
        line("open-weights = \"none\"").contains("nl/.openclaim.toml:5:16"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("# configuration file: nl/.openclaim.toml"),
        "{}",
        r.stdout
    );
    // The output is a configuration file itself.
    let shown = tmp.path().join("shown.toml");
    std::fs::write(&shown, &r.stdout).expect("write");
    let again = run(tmp.path(), &["config", "show", "--config", "shown.toml"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.contains("lang = \"en\""), "{}", again.stdout);
    let root = run(tmp.path(), &["config", "show", "news"]);
    assert!(
        root.stdout.contains("[models.\"Llama 3.2\"]"),
        "{}",
        root.stdout
    );
    assert!(
        root.stdout.contains("reason = \"house style\""),
        "{}",
        root.stdout
    );
}

#[test]
fn bad_configuration_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        ".openclaim.toml",
        "lang = \"nl\"\n\n[severity]\nclosed = \"loud\"\n",
    );
    write(d, "a.md", WASHING);
    write(d, "b.md", WASHING);
    let r = run(d, &["check", "a.md", "b.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(".openclaim.toml:4:10: unknown severity 'loud'"),
        "{}",
        r.stderr
    );
    // Printed once, and each file says it was not checked.
    assert_eq!(
        r.stderr.matches("unknown severity").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("b.md: not checked"), "{}", r.stderr);
    write(d, ".openclaim.toml", "lang = \"nl\"\nfailon = \"note\"\n");
    let r = run(d, &["config", "show"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(".openclaim.toml:2:1: unknown field `failon`"),
        "{}",
        r.stderr
    );
    write(
        d,
        ".openclaim.toml",
        "[models.\"Llama 9\"]\naccept = true\n",
    );
    let r = run(d, &["check", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(".openclaim.toml:1:1: models.\"Llama 9\": no such model"),
        "{}",
        r.stderr
    );
    let r = run(d, &["check", "--config", "missing.toml", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing.toml: no such file"),
        "{}",
        r.stderr
    );
}

#[test]
fn configured_glossary_directories_are_relative_to_the_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        "site/.openclaim.toml",
        "glossary = [\"house-glossary\"]\n",
    );
    write(
        d,
        "site/house-glossary/acme.toml",
        "[[model]]\nid = \"acme-7b\"\ncanonical = \"Acme 7B\"\ndeveloper = \"Acme\"\naliases = [\"Acme 7B\"]\nlicense = \"Apache-2.0\"\nweights = \"yes\"\ndata = \"no\"\ncode = \"no\"\nsource = \"https://example.test/acme\"\nas_of = \"2025-04-01\"\n",
    );
    write(d, "site/a.md", "Acme 7B is open source.\n");
    let r = run(
        d,
        &[
            "check",
            "--format",
            "compact",
            "--fail-on",
            "note",
            "site/a.md",
        ],
    );
    assert!(
        r.stdout.contains("claim about Acme 7B (open-weights)"),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    assert_eq!(r.code, 1);
}

#[test]
fn suppressed_findings_are_counted_in_the_summary_and_explained() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        "a.md",
        "GPT-4o is open source. <!-- openclaim-disable-line --> Llama 2 is open source.\n\n<!-- openclaim-disable-next-line -->\nGemma 2 is open source.\n",
    );
    write(d, "b.md", "GPT-4 is open source.\n");
    let r = run(d, &["check", "--format", "compact", "a.md", "b.md"]);
    assert!(
        r.stderr
            .contains("1 warning, 0 notes in 2 files, 3 suppressed"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("suppressed: 3 findings"), "{}", r.stderr);
    let r = run(d, &["check", "--explain", "a.md"]);
    assert_eq!(
        r.stdout
            .matches("suppressed by an openclaim-disable comment")
            .count(),
        3,
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("3 suppressed"), "{}", r.stderr);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(d, "a.md", WASHING);
    let plain = run(d, &["check", "a.md"]);
    assert!(!plain.stdout.contains('\x1b'), "not a terminal: no colour");
    let always = run(d, &["check", "--color", "always", "a.md"]);
    assert!(
        always.stdout.contains("\x1b[1;33mwarning\x1b[0m"),
        "{}",
        always.stdout
    );
    // Without the escapes, the coloured output is the plain one.
    let stripped = always
        .stdout
        .split('\x1b')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('m').map(|x| x.1).unwrap_or("")
            }
        })
        .collect::<String>();
    assert_eq!(stripped, plain.stdout);
    let out = openclaim()
        .current_dir(d)
        .env("NO_COLOR", "1")
        .args(["check", "--color", "auto", "a.md"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    let never = run(d, &["check", "--color", "never", "a.md"]);
    assert_eq!(never.stdout, plain.stdout);
}

#[test]
fn human_output_underlines_wide_characters_and_wraps_long_lines() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    // Two wide characters (4 columns) and an accent before the claim.
    write(d, "a.md", "開源 café: GPT-4o is open source.\n");
    let r = run(d, &["check", "a.md"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let src = lines
        .iter()
        .position(|l| l.starts_with("1 | "))
        .expect("source line");
    assert_eq!(
        lines[src + 1],
        format!("  | {}^^^^^^^^^^^", " ".repeat(4 + 7 + 10))
    );
    assert!(
        r.stdout.contains("--> a.md:1:20"),
        "columns count characters: {}",
        r.stdout
    );
    // A paragraph wider than 100 columns is cropped around the claim, and
    // every line of the diagnostic fits in 100 columns.
    let long = format!(
        "{} GPT-4o is open source, {}\n",
        "Lorem ipsum dolor sit amet. ".repeat(8),
        "and more words follow here. ".repeat(8)
    );
    write(d, "b.md", &long);
    let r = run(d, &["check", "b.md"]);
    for l in r.stdout.lines() {
        assert!(
            l.chars().count() <= 100,
            "{} columns: {l}",
            l.chars().count()
        );
    }
    let lines: Vec<&str> = r.stdout.lines().collect();
    let src = lines
        .iter()
        .position(|l| l.starts_with("1 | "))
        .expect("source line");
    assert!(
        lines[src].starts_with("1 | …") && lines[src].ends_with('…'),
        "{}",
        lines[src]
    );
    let caret = lines[src + 1].find('^').expect("carets");
    let under: String = lines[src].chars().skip(caret).take(11).collect();
    assert_eq!(under, "open source", "{}\n{}", lines[src], lines[src + 1]);
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    ))
    .expect("schema");
    // The published schema's `language` patterns have a stray `]`, a
    // literal in ECMA 262 regexes but rejected by the meta-schema's "regex"
    // format check; escaping it keeps the meaning (openclaim writes no
    // `language`). The file itself stays as published.
    let stray = "-[a-zA-Z]{2}]?$";
    assert_eq!(text.matches(stray).count(), 2, "the schema changed");
    let text = text.replace(stray, "-[a-zA-Z]{2}\\\\]?$");
    let schema: Value = serde_json::from_str(&text).expect("schema json");
    jsonschema::validator_for(&schema).expect("valid schema")
}

#[test]
fn sarif_output_validates_and_points_at_the_right_place() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        "docs/één artikel.md",
        "# Nieuws\n\nVolgens Meta is het opensource model Llama 3.2 goed.\n\nDe gesloten GPT-4o is opensource, net als het opensourcemodel Mistral 7B.\n",
    );
    write(d, "docs/bad.md", "\u{0}\u{1}binary");
    let r = run(d, &["check", "--format", "sarif", "docs"]);
    assert_eq!(r.code, 2, "bad.md is an error");
    let log: Value = serde_json::from_str(&r.stdout).expect("sarif json");
    let v = sarif_validator();
    let errors: Vec<String> = v
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The validator does reject what is not SARIF.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("loud");
    assert!(!v.is_valid(&broken));
    let run0 = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(rules, ["OC001", "OC002", "OC003"]);
    let base = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("base");
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let results = run0["results"].as_array().expect("results");
    let by_rule = |id: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == id)
            .unwrap_or_else(|| panic!("{id} in {results:#?}"))
    };
    let gpt = by_rule("OC001");
    let loc = &gpt["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "docs/%C3%A9%C3%A9n%20artikel.md"
    );
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    let text = "De gesloten GPT-4o is opensource, net als het opensourcemodel Mistral 7B.";
    let col = text.find("opensource").expect("term") + 1;
    assert_eq!(loc["region"]["startLine"], 5);
    assert_eq!(loc["region"]["startColumn"], col);
    assert_eq!(loc["region"]["endColumn"], col + "opensource".len());
    assert_eq!(gpt["level"], "warning");
    let msg = gpt["message"]["text"].as_str().expect("message");
    assert!(msg.contains("GPT-4o") && msg.contains("source:"), "{msg}");
    let fix = &gpt["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["deletedRegion"]["startColumn"], col);
    assert!(fix["insertedContent"]["text"].is_string(), "{gpt:#}");
    assert_eq!(by_rule("OC002")["level"], "note");
    // The attributed claim; its line has non-ASCII nowhere, but the path does.
    let llama = by_rule("OC003");
    assert_eq!(
        llama["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(llama["properties"]["model"], "Llama 3.2");
    // The model's glossary source is the help of its taxon.
    assert_eq!(llama["taxa"][0]["id"], "llama-3.2");
    let taxa = run0["taxonomies"][0]["taxa"].as_array().expect("taxa");
    let taxon = taxa
        .iter()
        .find(|t| t["id"] == "llama-3.2")
        .expect("llama taxon");
    assert_eq!(taxon["helpUri"], llama["properties"]["source"]);
    assert!(taxon["helpUri"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
    assert_eq!(taxa.len(), 3, "one taxon per model: {taxa:#?}");
    // The unreadable file is a tool execution notification.
    let inv = &run0["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert!(inv["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .is_some_and(|m| m.contains("bad.md")));
    // A clean run is valid too, with no results.
    write(d, "clean/a.md", "Nothing to see.\n");
    let r = run(d, &["check", "--format", "sarif", "clean"]);
    let log: Value = serde_json::from_str(&r.stdout).expect("sarif json");
    assert!(v.is_valid(&log));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(r.code, 0);
}

#[test]
fn rdjsonl_lines_follow_the_reviewdog_format() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    write(
        d,
        "a.md",
        "Één zin. GPT-4o is open source.\n\nLlama 2 is open source, according to Meta.\n",
    );
    let r = run(d, &["check", "--format", "rdjsonl", "--no-exit", "a.md"]);
    assert_eq!(r.code, 0, "--no-exit");
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    let gpt = &lines[0];
    assert_eq!(gpt["location"]["path"], "a.md");
    assert_eq!(gpt["severity"], "WARNING");
    assert_eq!(gpt["source"]["name"], "openclaim");
    assert_eq!(gpt["code"]["value"], "OC001");
    // Reviewdog columns are UTF-8 bytes: "Één" takes 5 bytes for 3 characters.
    let line = "Één zin. GPT-4o is open source.";
    let byte = line.find("open source").expect("term") + 1;
    assert_eq!(
        gpt["location"]["range"]["start"],
        serde_json::json!({"line": 1, "column": byte})
    );
    assert_eq!(
        gpt["location"]["range"]["end"],
        serde_json::json!({"line": 1, "column": byte + "open source".len()})
    );
    assert_eq!(gpt["suggestions"][0]["text"], "proprietary");
    assert_eq!(lines[1]["severity"], "INFO");
    assert_eq!(lines[1]["code"]["value"], "OC003");
    // --no-exit keeps 2 for errors.
    let r = run(d, &["check", "--no-exit", "a.md", "missing.md"]);
    assert_eq!(r.code, 2);
    let r = run(d, &["annotate", "--no-exit", "a.md"]);
    assert_eq!(r.code, 0);
}

#[test]
fn explain_tells_the_definitions_and_a_models_verdict() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let r = run(d, &["explain"]);
    assert_eq!(r.code, 0);
    for s in [
        "OSI Open Source AI Definition 1.0",
        "restricted-weights   warning          note",
        "open-weights         note             note",
        "OC001",
        "openclaim-disable-line",
    ] {
        assert!(r.stdout.contains(s), "{s} in\n{}", r.stdout);
    }
    let r = run(d, &["explain", "Llama 3.2"]);
    assert_eq!(r.code, 0);
    for s in [
        "status:   restricted-weights",
        "not OSI-approved",
        "in the author's voice:  warning (OC001)",
        "attributed to someone:  note (OC003)",
        "en: 'open source' -> 'available with open weights'",
        "nl: 'opensource' -> 'met open gewichten beschikbaar'",
        "Llama 3.2 is geen open source",
    ] {
        assert!(r.stdout.contains(s), "{s} in\n{}", r.stdout);
    }
    let r = run(d, &["explain", "--definition", "license", "Mistral 7B"]);
    assert!(
        r.stdout.contains("in the author's voice:  not flagged"),
        "{}",
        r.stdout
    );
    write(d, ".openclaim.toml", "[models.\"GPT-4o\"]\naccept = true\n");
    let r = run(d, &["explain", "gpt-4o"]);
    assert!(
        r.stdout
            .contains("not reported (accepted by the configuration)"),
        "{}",
        r.stdout
    );
    let r = run(d, &["explain", "no such model"]);
    assert_eq!(r.code, 2);
}

const SUBCOMMANDS: [&str; 11] = [
    "check",
    "annotate",
    "stream",
    "strip",
    "eval",
    "glossary",
    "serve",
    "config",
    "explain",
    "completions",
    "man",
];

#[test]
fn completions_are_generated_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_openclaim()"),
        ("zsh", "#compdef openclaim"),
        ("fish", "complete -c openclaim"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[openclaim]"),
    ] {
        let out = openclaim()
            .args(["completions", shell])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).expect("utf8");
        assert!(text.contains(marker), "{shell}: {marker}");
        for sub in SUBCOMMANDS {
            assert!(text.contains(sub), "{shell} completes {sub}");
        }
    }
    // bash can load the script and registers the completion.
    let bash = std::process::Command::new("bash").arg("--version").output();
    if bash.is_ok_and(|o| o.status.success()) {
        let script = openclaim()
            .args(["completions", "bash"])
            .output()
            .expect("run");
        let tmp = tempfile::tempdir().expect("tmp");
        let p = tmp.path().join("openclaim.bash");
        std::fs::write(&p, script.stdout).expect("write");
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!("source '{}' && complete -p openclaim", p.display()))
            .output()
            .expect("bash");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("_openclaim"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = openclaim()
        .args(["completions", "tcsh"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_mentions_every_subcommand() {
    let out = openclaim().arg("man").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let roff = String::from_utf8(out.stdout).expect("utf8");
    assert!(
        roff.starts_with(".ie") || roff.contains(".TH openclaim"),
        "{}",
        &roff[..200.min(roff.len())]
    );
    let subcommands = &roff[roff.find(".SH SUBCOMMANDS").expect("SUBCOMMANDS section")..];
    for sub in SUBCOMMANDS {
        assert!(
            subcommands.contains(&format!("openclaim\\-{sub}(1)")),
            "{sub} in the man page"
        );
    }
    // One page per command with --dir.
    let tmp = tempfile::tempdir().expect("tmp");
    let out = openclaim()
        .args(["man", "--dir"])
        .arg(tmp.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    for sub in SUBCOMMANDS {
        assert!(
            tmp.path().join(format!("openclaim-{sub}.1")).is_file(),
            "{sub}"
        );
    }
    assert!(tmp.path().join("openclaim.1").is_file());
}
