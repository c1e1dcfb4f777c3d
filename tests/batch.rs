//! Batch runs as an archive team meets them: a tree of generated articles
//! with broken files mixed in, parallel and deterministic output, atomic
//! writes that never touch an input unless asked, JSONL, and `stream`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

fn openclaim() -> Command {
    Command::cargo_bin("openclaim").expect("binary")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Writes articles 0..n below `dir`; returns their relative paths.
fn generate(dir: &Path, n: u64) -> Vec<String> {
    (0..n)
        .map(|i| {
            let a = corpus::article(7, i);
            let rel = corpus::relative_path(i, &a.slug);
            let p = dir.join(&rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, &a.text).expect("write");
            rel
        })
        .collect()
}

/// Every file below `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("read_dir") {
            let p = e.expect("entry").path();
            let m = std::fs::symlink_metadata(&p).expect("meta");
            if m.is_dir() {
                walk(root, &p, out);
            } else if m.is_file() {
                let bytes = std::fs::read(&p).unwrap_or_default();
                out.insert(p.strip_prefix(root).expect("prefix").to_path_buf(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The number after `label` in the summary, e.g. "files:    196 read".
fn number_before(summary: &str, word: &str) -> u64 {
    let i = summary
        .find(word)
        .unwrap_or_else(|| panic!("'{word}' not in summary:\n{summary}"));
    summary[..i]
        .split(|c: char| !c.is_ascii_digit())
        .rfind(|t| !t.is_empty())
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no number before '{word}' in:\n{summary}"))
}

/// The number right after `label`, e.g. "written:  202 files".
fn number_after(summary: &str, label: &str) -> u64 {
    let i = summary
        .find(label)
        .unwrap_or_else(|| panic!("'{label}' not in summary:\n{summary}"));
    summary[i + label.len()..]
        .split(|c: char| !c.is_ascii_digit())
        .find(|t| !t.is_empty())
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no number after '{label}' in:\n{summary}"))
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn the_corpus_generator_is_deterministic() {
    assert_eq!(corpus::article(1, 5).text, corpus::article(1, 5).text);
    assert_ne!(corpus::article(1, 5).text, corpus::article(1, 6).text);
}

#[test]
fn annotate_out_dir_writes_every_good_file_and_reports_every_broken_one() {
    let tmp = tempfile::tempdir().expect("tmp");
    let input = tmp.path().join("archive");
    let out = tmp.path().join("out");
    let good = generate(&input, 200);
    // A hidden directory and a .gitignore'd file are archive content too.
    std::fs::create_dir_all(input.join(".drafts")).expect("mkdir");
    std::fs::write(
        input.join(".drafts/hidden.md"),
        "Meta's open-source Llama 3.1 model.\n",
    )
    .expect("write");
    std::fs::write(input.join(".gitignore"), "ignored.md\n").expect("write");
    std::fs::write(input.join("ignored.md"), "Gemma 2 is open source.\n").expect("write");
    let mut good: Vec<String> = good;
    good.push(".drafts/hidden.md".into());
    good.push("ignored.md".into());
    // Broken ones.
    let broken = input.join("broken");
    std::fs::create_dir_all(&broken).expect("mkdir");
    std::fs::write(
        broken.join("bad-utf8.md"),
        b"Llama 3 is\n open \xff source\n",
    )
    .expect("w");
    std::fs::write(broken.join("binary.md"), b"PK\x03\x04\x00\x00\x01\x02").expect("w");
    std::fs::write(
        broken.join("huge.md"),
        "Llama 3 is open source. ".repeat(8000),
    )
    .expect("w");
    let mut expected_errors = vec!["bad-utf8.md", "binary.md", "huge.md"];
    let unreadable = broken.join("unreadable.md");
    std::fs::write(&unreadable, "Llama 3 is open source.\n").expect("w");
    if is_root() {
        // root reads any file whatever its mode, so chmod 000 proves nothing here.
        use std::io::Write;
        // Past the harness's capture, so the skip shows in `cargo test` output.
        let _ = writeln!(
            std::io::stderr(),
            "tests/batch.rs: running as root, the chmod 000 (unreadable file) case is skipped: root can read anything"
        );
        std::fs::remove_file(&unreadable).expect("rm");
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000))
            .expect("chmod");
        expected_errors.push("unreadable.md");
    }
    // A file that vanished between listing and reading: a missing argument.
    let vanished = tmp.path().join("vanished.md");
    expected_errors.push("vanished.md");
    let before = snapshot(&input);

    let assert = openclaim()
        .args([
            "annotate",
            "--out-dir",
            s(&out),
            "--max-bytes",
            "100K",
            "-j2",
        ])
        .arg(s(&input))
        .arg(s(&vanished))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    for e in &expected_errors {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error: ") && l.contains(e)),
            "no error line for {e}:\n{stderr}"
        );
    }
    assert!(stderr.contains("invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("binary file"), "{stderr}");
    assert!(stderr.contains("exceeds the limit"), "{stderr}");

    // Every good file is mirrored, nothing else is written.
    let written = snapshot(&out);
    for rel in &good {
        assert!(written.contains_key(Path::new(rel)), "{rel} not written");
    }
    assert_eq!(written.len(), good.len(), "{:?}", written.keys());
    let changed = good
        .iter()
        .filter(|rel| written[Path::new(rel.as_str())] != before[Path::new(rel.as_str())])
        .count();
    assert!(changed > 20, "only {changed} files got annotations");

    // The summary adds up.
    let total = good.len() as u64 + expected_errors.len() as u64;
    let summary = &stderr[stderr.find("summary:").expect("summary")..];
    assert_eq!(number_before(summary, " files ("), total, "{summary}");
    assert_eq!(
        number_before(summary, " with errors)"),
        expected_errors.len() as u64
    );
    assert_eq!(number_before(summary, " read,"), good.len() as u64);
    assert_eq!(number_after(summary, "written:"), good.len() as u64);

    // Inputs are untouched.
    assert_eq!(snapshot(&input), before);
}

#[test]
fn output_is_sorted_and_identical_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut rels = generate(tmp.path(), 120);
    std::fs::write(tmp.path().join("zz-binary.md"), b"\x00\x01").expect("w");
    rels.push("zz-binary.md".into());
    rels.sort();
    let run = |jobs: &str, format: &str| {
        openclaim()
            .args([
                "check",
                "--format",
                format,
                "-j",
                jobs,
                "--fail-on",
                "never",
            ])
            .arg(s(tmp.path()))
            .assert()
            .code(2)
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1", "jsonl");
    assert_eq!(one, run("2", "jsonl"));
    assert_eq!(one, run("3", "jsonl"));
    assert_eq!(run("1", "compact"), run("2", "compact"));
    assert_eq!(run("1", "human"), run("2", "human"));

    // One JSON object per file, in sorted path order, errors included.
    let text = String::from_utf8(one).expect("utf-8");
    let paths: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            v["path"].as_str().expect("path").to_string()
        })
        .collect();
    let expected: Vec<String> = rels
        .iter()
        .map(|r| tmp.path().join(r).display().to_string())
        .collect();
    assert_eq!(paths, expected);

    // --format json is one document with the same file objects.
    let doc: serde_json::Value = serde_json::from_slice(&run("2", "json")).expect("json");
    let files = doc["files"].as_array().expect("files");
    assert_eq!(files.len(), rels.len());
    let first: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("line")).expect("json");
    assert_eq!(files[0], first);
}

#[test]
fn in_place_rewrites_only_what_changes_and_is_idempotent() {
    let tmp = tempfile::tempdir().expect("tmp");
    generate(tmp.path(), 30);
    let before = snapshot(tmp.path());
    let first = openclaim()
        .args(["annotate", "--in-place", "--fail-on", "never", "--summary"])
        .arg(s(tmp.path()))
        .assert()
        .code(0);
    let err = String::from_utf8_lossy(&first.get_output().stderr).to_string();
    let after = snapshot(tmp.path());
    assert_eq!(before.len(), after.len(), "temporary files left behind");
    let changed = before.iter().filter(|(k, v)| after[*k] != **v).count() as u64;
    assert!(changed > 0);
    assert_eq!(number_after(&err, "written:"), changed, "{err}");
    // A second run finds every file already annotated.
    let second = openclaim()
        .args(["annotate", "--in-place", "--fail-on", "never", "--summary"])
        .arg(s(tmp.path()))
        .assert()
        .code(0);
    let err2 = String::from_utf8_lossy(&second.get_output().stderr).to_string();
    assert!(err2.contains("written:  0 files, 30 unchanged"), "{err2}");
    assert_eq!(snapshot(tmp.path()), after);
    // strip gives the originals back.
    for (rel, bytes) in &before {
        let p = tmp.path().join(rel);
        let out = openclaim().args(["strip", s(&p)]).assert().code(0);
        assert_eq!(&out.get_output().stdout, bytes, "{}", rel.display());
    }
}

#[test]
fn globs_select_files_and_symlinks_are_followed_only_when_asked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("d");
    std::fs::create_dir_all(d.join("drafts")).expect("mkdir");
    std::fs::write(d.join("a.md"), "Llama 3 is open source.\n").expect("w");
    std::fs::write(d.join("b.txt"), "Llama 3 is open source.\n").expect("w");
    std::fs::write(d.join("drafts/c.md"), "Llama 3 is open source.\n").expect("w");
    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).expect("mkdir");
    std::fs::write(other.join("e.md"), "Llama 3 is open source.\n").expect("w");
    std::os::unix::fs::symlink(&other, d.join("link")).expect("symlink");
    let paths = |extra: &[&str]| -> Vec<String> {
        let out = openclaim()
            .args(["check", "--format", "jsonl", "-q"])
            .args(extra)
            .arg(s(&d))
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json");
                let p = v["path"].as_str().expect("path").to_string();
                p[s(&d).len() + 1..].to_string()
            })
            .collect()
    };
    assert_eq!(paths(&[]), ["a.md", "drafts/c.md"]);
    assert_eq!(paths(&["--follow"]), ["a.md", "drafts/c.md", "link/e.md"]);
    assert_eq!(paths(&["--glob", "!drafts/"]), ["a.md"]);
    assert_eq!(paths(&["--glob", "*.txt"]), ["b.txt"]);
    assert_eq!(
        paths(&["--glob", "*.{md,txt}", "--glob", "!c.md"]),
        ["a.md", "b.txt"]
    );
}

#[test]
fn writes_refuse_to_touch_inputs_without_in_place() {
    let tmp = tempfile::tempdir().expect("tmp");
    let a = tmp.path().join("a.md");
    let text = "Meta's open-source Llama 3.1 model.\n";
    std::fs::write(&a, text).expect("w");
    openclaim()
        .args(["annotate", "--out-dir", s(tmp.path()), s(tmp.path())])
        .assert()
        .code(2);
    openclaim()
        .args(["annotate", "--out-dir", s(tmp.path()), s(&a)])
        .assert()
        .code(2);
    openclaim()
        .args(["annotate", "-o", s(&a), s(&a)])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&a).expect("read"), text);
    // -o takes one input.
    let b = tmp.path().join("b.md");
    std::fs::write(&b, text).expect("w");
    openclaim()
        .args(["annotate", "-o", s(&tmp.path().join("x.md")), s(&a), s(&b)])
        .assert()
        .code(2);
    assert!(!tmp.path().join("x.md").exists());
}

#[test]
fn stream_round_trips_jsonl_in_order_with_bad_lines_as_error_results() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut input = String::new();
    let mut ids = Vec::new();
    for i in 0..60u64 {
        let a = corpus::article(11, i);
        let id = format!("doc-{i}");
        input.push_str(&serde_json::json!({"id": id, "markdown": a.text}).to_string());
        input.push('\n');
        ids.push(serde_json::Value::from(id));
        if i == 20 {
            input.push_str("{not json\n");
            ids.push(serde_json::Value::Null);
            input.push_str("\n   \n");
            input.push_str("{\"id\": 7, \"text\": \"no markdown field\"}\n");
            ids.push(serde_json::Value::from(7));
        }
    }
    let path = tmp.path().join("in.jsonl");
    std::fs::write(&path, &input).expect("w");
    let run = |jobs: &str, annotate: bool| -> Vec<serde_json::Value> {
        let mut cmd = openclaim();
        cmd.args(["stream", "-j", jobs]);
        if annotate {
            cmd.arg("--annotate");
        }
        let out = cmd.pipe_stdin(&path).expect("stdin").assert().code(0);
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    };
    let one = run("1", false);
    assert_eq!(one, run("2", false));
    let got_ids: Vec<serde_json::Value> = one.iter().map(|v| v["id"].clone()).collect();
    assert_eq!(got_ids, ids);
    let bad = &one[21];
    assert_eq!(bad["line"], 22);
    assert!(bad["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("line 22: invalid JSON")));
    let missing = &one[22];
    assert_eq!(missing["line"], 25);
    assert!(missing["error"]
        .as_str()
        .is_some_and(|e| e.contains("\"markdown\" is missing")));

    // Findings agree with `check` on the same articles; --annotate agrees with `annotate`.
    let annotated = run("2", true);
    for i in [0usize, 1, 2, 3, 4, 5, 30, 59] {
        let rec = &one[if i > 20 { i + 2 } else { i }];
        let a = corpus::article(11, i as u64);
        let f = tmp.path().join(format!("a{i}.md"));
        std::fs::write(&f, &a.text).expect("w");
        let check = openclaim()
            .args(["check", "--format", "jsonl", s(&f)])
            .output()
            .expect("run");
        let report: serde_json::Value = serde_json::from_slice(&check.stdout).expect("json report");
        assert_eq!(rec["findings"], report["findings"], "article {i}");
        let ann = openclaim().args(["annotate", s(&f)]).output().expect("run");
        let rec = &annotated[if i > 20 { i + 2 } else { i }];
        assert_eq!(
            rec["annotated"].as_str().expect("annotated").as_bytes(),
            ann.stdout.as_slice()
        );
    }

    // Other field names.
    let out = openclaim()
        .args(["stream", "--id-field", "key", "--text-field", "body"])
        .write_stdin("{\"key\": \"k1\", \"body\": \"Gemma 2 is open source.\"}\n")
        .assert()
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("json");
    assert_eq!(v["id"], "k1");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(1));
}

#[test]
fn stream_answers_each_line_without_waiting_for_more_input() {
    use std::io::{BufRead, Write};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_openclaim"))
        .args(["stream", "-j", "2"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    // A hang here is a failure, not a stuck test run.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let finished = done.clone();
    let watchdog = std::thread::spawn(move || {
        for _ in 0..600 {
            if finished.load(std::sync::atomic::Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
    });
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    for (i, model) in ["Gemma 2", "OLMo 2", "Llama 3.1"].iter().enumerate() {
        writeln!(
            stdin,
            "{{\"id\": {i}, \"markdown\": \"{model} is open source.\"}}"
        )
        .expect("write");
        stdin.flush().expect("flush");
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        assert_eq!(v["id"], i, "{line}");
    }
    drop(stdin);
    assert!(child.wait().expect("wait").success());
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let _ = watchdog.join();
}
