//! An article is never damaged: every finding gets its annotation in every
//! style, strip gives back exactly the original, look-alikes and protected
//! text are kept, a file with nothing to do is not rewritten, `--out-dir`
//! inside an input is not read back, and a failed write is an error.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use openclaim::annotate::{count, strip};
use openclaim::{Engine, Glossary, Options, Style};

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

/// Judged by one date's facts: the generated articles carry dates from
/// 2019 on, and a model named before its release gets no finding, which
/// would leave too few findings to test annotation on.
fn engine() -> Engine {
    let options = Options {
        as_of: openclaim::date::Date::parse("2026-11-30"),
        ..Options::default()
    };
    Engine::new(Glossary::embedded().clone(), options)
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_openclaim"))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture inputs (not their annotated or report snapshots).
fn fixture_inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root().join("fixtures")).expect("fixtures") {
        let p = e.expect("entry").path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let stem_dots = name.matches('.').count();
        if name.ends_with(".md") && stem_dots == 1 {
            out.push((name.to_owned(), std::fs::read_to_string(&p).expect("read")));
        }
    }
    out.sort();
    assert!(out.len() >= 6, "fixtures found: {}", out.len());
    out
}

/// Every reported term has exactly one annotation in every style, and
/// stripping gives the article back.
fn assert_every_finding_annotated(e: &Engine, name: &str, text: &str) {
    let result = e.check(name, text);
    let mut terms: Vec<usize> = result.report.findings.iter().map(|f| f.start).collect();
    terms.sort_unstable();
    terms.dedup();
    for style in Style::ALL {
        let (out, _) = e.annotate(name, text, style);
        assert_eq!(
            count(&out),
            terms.len(),
            "{name}, {style}: {} findings at {terms:?}, annotated:\n{out}",
            result.report.findings.len()
        );
        assert_eq!(strip(&out), text, "{name}, {style}: round trip");
        let (twice, _) = e.annotate(name, &out, style);
        assert_eq!(twice, out, "{name}, {style}: idempotence");
    }
}

#[test]
fn every_fixture_finding_is_annotated_in_every_style() {
    let e = engine();
    for (name, text) in fixture_inputs() {
        assert_every_finding_annotated(&e, &name, &text);
    }
}

#[test]
fn every_generated_finding_is_annotated_in_every_style() {
    let e = engine();
    let mut with_findings = 0;
    for i in 0..300 {
        let a = corpus::article(11, i);
        if !e.check(&a.slug, &a.text).report.findings.is_empty() {
            with_findings += 1;
        }
        assert_every_finding_annotated(&e, &a.slug, &a.text);
    }
    assert!(
        with_findings > 30,
        "only {with_findings} articles had findings"
    );
}

#[test]
fn claims_across_line_breaks_are_found_and_annotated() {
    let e = engine();
    let cases = [
        "GPT-4o is open\nsource.\n",
        "GPT-4o is open-\nsource.\n",
        "GPT-4o is open\r\nsource.\r\n",
        "> GPT-4o is open\n> source.\n",
        "GPT-4o is open  \nsource.\n",
        "GPT-4o is open-\nsourced by nobody, yet people call it open\nsource.\n",
        "GPT-4o is echt open\nsource, zegt de maker.\n",
        "Het model GPT-4o is volgens velen open-\nsource.\n",
        "GPT-4o is open source[^1].\n\n[^1]: A note.\n",
        "GPT-4o is open source[^openclaim-1-a39978] now.\n",
        "GPT-4o is open source[link] now.\n\n[link]: /x\n",
    ];
    for src in cases {
        let found = e.check("a.md", src).report.findings.len();
        assert!(found > 0, "no finding in {src:?}");
        assert_every_finding_annotated(&e, "a.md", src);
    }
    // A suspended hyphen is not a broken term.
    assert!(e
        .check("a.md", "GPT-4o is open- and closed-source.\n")
        .report
        .findings
        .iter()
        .all(|f| !f.term.contains("- ")));
}

#[test]
fn links_urls_math_wiki_and_mdx_are_left_alone() {
    let e = engine();
    let untouched = [
        "Read https://example.com/llama-3-is-open-source/ today.\n",
        "Read www.example.com/llama-3-is-open-source today.\n",
        "[[Llama 3 is open source]]\n",
        "The formula $Llama 3 is open source$ holds.\n",
        "$$\nLlama 3 is open source\n$$\n",
        "export const claim = 'Llama 3 is open source'\n",
        "{/* Llama 3 is open source */}\n",
        "Llama 3 `is open source`.\n",
    ];
    for src in untouched {
        for style in Style::ALL {
            let (out, result) = e.annotate("a.md", src, style);
            assert_eq!(out, src, "{style}");
            assert!(result.report.findings.is_empty(), "{src:?}");
        }
    }
    // A claim in a reference link's label is reported and annotated after
    // the link, which keeps working.
    let src = "Llama 3 is [open source].\n\n[open source]: https://example.com/os\n";
    let result = e.check("a.md", src);
    assert_eq!(result.report.findings.len(), 1);
    for style in Style::ALL {
        let (out, _) = e.annotate("a.md", src, style);
        assert!(out.starts_with("Llama 3 is [open source]"), "{out}");
        assert!(out.contains("\n[open source]: https://example.com/os\n"));
        assert_eq!(count(&out), 1, "{style}: {out}");
        assert_eq!(strip(&out), src);
    }
    assert_every_finding_annotated(
        &e,
        "a.md",
        "Llama 3 is [open source][].\n\n[open source]: /x\n",
    );
}

#[test]
fn strip_keeps_hand_written_look_alikes() {
    let texts = [
        "x `{>>openclaim: kept?<<}` y\n",
        "x {>>openclaim: kept?<<} y\n",
        "Llama 3 is open source[^openclaim-1].\n\n[^openclaim-1]: A note by hand.\n",
        "Text.\n\n<!-- openclaim-footnotes -->\n[^openclaim-1]: openclaim: by hand\n",
        "Use <!-- openclaim: a note --> to annotate.\n",
    ];
    let e = engine();
    for text in texts {
        assert_eq!(strip(text), text);
        for style in Style::ALL {
            let (out, _) = e.annotate("a.md", text, style);
            assert_eq!(strip(&out), text, "{style}: {out}");
        }
    }
    // A look-alike next to a real claim survives the round trip too.
    let text = "Llama 3 is open source. A note {>>openclaim: kept<<} and `[^openclaim-1]` stay.\n";
    for style in Style::ALL {
        let (out, result) = e.annotate("a.md", text, style);
        assert_eq!(result.report.findings.len(), 1);
        assert_ne!(out, text);
        assert_eq!(strip(&out), text, "{style}: {out}");
    }
}

fn run(args: &[&str], stdin: Option<&str>) -> (Option<i32>, String, String) {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn strip_on_the_command_line_keeps_code_spans() {
    let text = "x `{>>openclaim: kept?<<}` y\n";
    let (code, out, _) = run(&["strip", "-"], Some(text));
    assert_eq!(code, Some(0));
    assert_eq!(out, text);
}

#[cfg(unix)]
#[test]
fn in_place_without_findings_leaves_the_file_alone() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let readme = dir.path().join("README.md");
    let original = std::fs::read(root().join("README.md")).expect("README");
    std::fs::write(&readme, &original).expect("write");
    let quiet = dir.path().join("quiet.md");
    std::fs::write(&quiet, "Nothing to see: `{>>openclaim: x<<}`.\n").expect("write");
    // An old timestamp, so that a rewrite within the same second still shows.
    for p in [&readme, &quiet] {
        let status = Command::new("touch")
            .args(["-d", "2001-02-03 04:05:06"])
            .arg(p)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            println!("SKIPPED: touch -d is not available");
            return;
        }
    }
    let before: Vec<_> = [&readme, &quiet]
        .iter()
        .map(|p| {
            let m = std::fs::metadata(p).expect("meta");
            (m.ino(), m.mtime(), m.mtime_nsec())
        })
        .collect();
    for p in [&readme, &quiet] {
        let (code, _, err) = run(&["annotate", "--in-place", p.to_str().expect("path")], None);
        assert_eq!(code, Some(0), "{err}");
    }
    let after: Vec<_> = [&readme, &quiet]
        .iter()
        .map(|p| {
            let m = std::fs::metadata(p).expect("meta");
            (m.ino(), m.mtime(), m.mtime_nsec())
        })
        .collect();
    assert_eq!(before, after, "inode or mtime changed");
    assert_eq!(std::fs::read(&readme).expect("read"), original);
}

#[test]
fn out_dir_inside_the_input_is_not_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    for i in 0..5 {
        std::fs::write(input.join(format!("a{i}.md")), "Llama 3 is open source.\n").expect("write");
    }
    let out = input.join("out");
    for round in 0..2 {
        let (code, _, err) = run(
            &[
                "annotate",
                "-q",
                "--out-dir",
                out.to_str().expect("path"),
                input.to_str().expect("path"),
            ],
            None,
        );
        assert_eq!(code, Some(1), "round {round}: {err}");
        let mut written: Vec<_> = std::fs::read_dir(&out)
            .expect("out")
            .map(|e| e.expect("entry").file_name())
            .collect();
        written.sort();
        assert_eq!(written.len(), 5, "round {round}: {written:?}");
        assert!(!out.join("out").exists(), "round {round}: out/out written");
    }
}

/// `/dev/full` accepts the open and fails every write with ENOSPC.
fn dev_full() -> Option<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()
}

#[test]
fn a_failed_write_is_an_error_in_every_command() {
    if dev_full().is_none() {
        println!("SKIPPED: /dev/full is not available");
        return;
    }
    let fixture = root().join("fixtures/en-mixed.md");
    let fixture = fixture.to_str().expect("path");
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for format in ["json", "jsonl", "sarif", "human", "compact", "rdjsonl"] {
        cases.push(vec!["check", "--format", format, "--no-exit", fixture]);
        cases.push(vec!["check", "--format", format, fixture]);
    }
    for style in ["critic", "footnote", "comment"] {
        cases.push(vec!["annotate", "--style", style, fixture]);
    }
    cases.push(vec!["strip", fixture]);
    cases.push(vec!["glossary", "list"]);
    cases.push(vec!["glossary", "show", "Llama 3"]);
    for args in cases {
        let out = Command::new(bin())
            .args(&args)
            .stdout(dev_full().expect("/dev/full"))
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("cannot write"), "{args:?}: {err}");
    }
    let mut child = Command::new(bin())
        .arg("stream")
        .stdin(Stdio::piped())
        .stdout(dev_full().expect("/dev/full"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(b"{\"id\":1,\"markdown\":\"Llama 3 is open source.\"}\n")
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2), "stream");
}

#[test]
fn a_closed_pipe_stays_quiet() {
    let fixture = root().join("fixtures/en-mixed.md");
    let mut child = Command::new(bin())
        .args(["check", "--format", "json", "--no-exit"])
        .arg(&fixture)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Closing the read end before the report is written gives EPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("cannot write"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}
