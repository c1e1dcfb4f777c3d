//! The PySpark example (examples/spark/) pipes a JSONL archive through
//! `openclaim stream` in local mode and gets the same results as running
//! `openclaim stream` directly. Skipped, and says so, where PySpark (and the
//! Java it needs) is not installed: CI does not depend on it.

use std::io::Write;
use std::path::Path;
use std::process::Command;

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

fn pyspark_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Printed past the test harness's capture, so a skip is visible in `cargo test`.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn results(text: &str) -> Vec<(serde_json::Value, serde_json::Value)> {
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (v["id"].clone(), v["findings"].clone())
        })
        .collect()
}

#[test]
fn pyspark_example_pipes_a_jsonl_archive_through_stream() {
    if !pyspark_available() {
        say("SKIPPED tests/spark.rs: `python3 -c 'import pyspark'` failed; install PySpark (pip install pyspark, needs Java 17) to run the Spark example test");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let input = tmp.path().join("archive.jsonl");
    let mut jsonl = String::new();
    for i in 0..200 {
        let a = corpus::article(3, i);
        jsonl.push_str(
            &serde_json::json!({"id": corpus::relative_path(i, &a.slug), "markdown": a.text})
                .to_string(),
        );
        jsonl.push('\n');
    }
    std::fs::write(&input, &jsonl).expect("write");
    let bin = env!("CARGO_BIN_EXE_openclaim");
    let out = tmp.path().join("out");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/annotate_archive.py");
    let run = Command::new("python3")
        .arg(&script)
        .arg(&input)
        .arg(&out)
        .args(["--openclaim", bin, "--partitions", "3"])
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "spark example failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("200 records"), "{stdout}");

    // Part files in order are the results of one `openclaim stream` over the whole file.
    let mut parts: Vec<_> = std::fs::read_dir(&out)
        .expect("out dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        })
        .collect();
    parts.sort();
    let spark: String = parts
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("part"))
        .collect();
    let direct = Command::new(bin)
        .arg("stream")
        .stdin(std::fs::File::open(&input).expect("open"))
        .output()
        .expect("stream");
    assert!(direct.status.success());
    let direct = results(&String::from_utf8_lossy(&direct.stdout));
    assert_eq!(direct.len(), 200);
    assert_eq!(results(&spark), direct);
    say("tests/spark.rs: PySpark example ran in local mode, 200 records");
}
