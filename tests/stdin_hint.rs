//! `openclaim check -` on a terminal: a person typing the article is told
//! that standard input is being read, and no progress bar spins at
//! "0/0 files" over what they type. The terminal is a real pty, made by
//! util-linux `script`.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_openclaim");

/// Runs `args` on a pty, types `typed` (then Ctrl-D), and returns all the
/// terminal showed; None when `script` is not installed.
fn on_a_terminal(args: &str, typed: &str) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return None;
    }
    let mut child = Command::new("script")
        .args(["-qec", &format!("{BIN} {args}"), "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start script");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    // Typed after the command has started, as a person would.
    std::thread::sleep(Duration::from_millis(500));
    stdin.write_all(typed.as_bytes()).expect("type");
    stdin.write_all(b"\x04").expect("Ctrl-D");
    stdin.flush().expect("flush");
    let pid = child.id();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(30));
        let _ = Command::new("kill").arg(pid.to_string()).status();
    });
    let _ = child.wait();
    drop(stdin);
    drop(watchdog);
    let out = reader.join().expect("reader");
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[test]
fn typing_an_article_shows_the_hint_and_no_bar() {
    let fixture = format!("{}/fixtures/en-openwashing.md", env!("CARGO_MANIFEST_DIR"));
    for args in [
        "check --lang en --no-config -".to_string(),
        format!("check --lang en --no-config - {fixture}"),
    ] {
        let Some(shown) = on_a_terminal(&args, "GPT-4o is open source.\n") else {
            return;
        };
        assert!(
            shown.contains("reading the article from standard input; end it with Ctrl-D"),
            "{args}: {shown}"
        );
        assert!(
            shown.contains("<stdin>:1:"),
            "{args}: the typed article is checked: {shown}"
        );
        assert!(
            !shown.contains("0/0 files") && !shown.contains("ETA"),
            "{args}: a progress bar: {shown}"
        );
    }
}

#[test]
fn piped_input_gets_no_hint() {
    let out = Command::new(BIN)
        .args(["check", "--lang", "en", "--no-config", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            if let Some(mut i) = c.stdin.take() {
                i.write_all(b"GPT-4o is open source.\n")?;
            }
            c.wait_with_output()
        })
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("standard input"), "{stderr}");
}
