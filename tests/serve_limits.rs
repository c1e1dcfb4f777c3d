//! `openclaim serve` under clients that stall, flood, hang up or ask for too
//! much: the real binary on a free port of 127.0.0.1, real sockets. Every
//! wait is bounded; the only times asserted are the liveness limits the
//! server promises (answers at all, closes at all, exits within 2 s).

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod common;

use common::Server;

impl Server {
    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        s
    }

    /// The head of a request (without the blank line that ends it).
    fn head(&self, path: &str, extra: &[(&str, &str)], body_len: usize) -> String {
        let mut head = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {body_len}\r\n",
            self.addr
        );
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head
    }

    /// POSTs `body` and reads the whole response (the server closes).
    fn post(&self, path: &str, extra: &[(&str, &str)], body: &[u8]) -> (u16, Value) {
        let mut s = self.connect();
        let mut request = self.head(path, extra, body.len()).into_bytes();
        request.extend_from_slice(b"\r\n");
        request.extend_from_slice(body);
        s.write_all(&request).expect("send");
        response(&mut s)
    }

    fn check(&self, markdown: &str) -> (u16, Value) {
        let body = json!({ "markdown": markdown, "lang": "en" }).to_string();
        self.post(
            "/api/check",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    }

    /// Waits up to `limit` for the process to exit.
    fn exits_within(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name}");
    }

    /// CPU seconds the server has used (user + system), from /proc.
    fn cpu_seconds(&self) -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // Fields after the parenthesised command name; utime and stime are 14 and 15.
        let rest = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 =
            fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
        let hz = Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse::<f64>().ok())
            .unwrap_or(100.0);
        Some(ticks / hz)
    }

    /// Resident memory in KiB, from /proc.
    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn open_descriptors(&self) -> Option<usize> {
        std::fs::read_dir(format!("/proc/{}/fd", self.pid()))
            .ok()
            .map(|d| d.count())
    }
}

/// Reads until the server closes and returns the status and JSON body.
fn response(s: &mut TcpStream) -> (u16, Value) {
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(_) if !raw.is_empty() => break,
            Err(e) => panic!("reading the response: {e}"),
        }
    }
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP head in {text:?}"));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    let json = serde_json::from_str(body).unwrap_or_else(|e| panic!("{status}: {e}: {body:?}"));
    (status, json)
}

/// Whether the server closes `s` within `limit` (EOF or reset, not a timeout).
fn closed_by_server(s: &mut TcpStream, limit: Duration) -> bool {
    s.set_read_timeout(Some(limit)).expect("timeout");
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true,
        }
    }
}

fn message(v: &Value) -> String {
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error message in {v}"))
        .to_string()
}

/// One long paragraph with `n` claims (no full stop: one sentence), the
/// shape that made a request cost minutes and hundreds of megabytes.
fn claims(n: usize) -> String {
    let mut s = "Meta's open-source Llama 3.3 and ".repeat(n);
    s.push_str("more.\n");
    s
}

/// A draft that keeps the analysis busy for a while (seconds on this
/// machine, about 3.8 MB for 100,000): one claim per short sentence, so
/// neither the finding budget below nor the report budget stops it early.
fn sentences(n: usize) -> String {
    let mut s = "Meta's open-source Llama 3.3 is here. ".repeat(n);
    s.push('\n');
    s
}

#[test]
fn a_thousand_idle_connections_do_not_stop_it_answering() {
    let s = Server::start(&[]);
    let mut idle = Vec::new();
    for i in 0..1000 {
        let Ok(mut c) = TcpStream::connect(s.addr) else {
            // The listen backlog may be full for a moment; that is the kernel's.
            std::thread::sleep(Duration::from_millis(5));
            continue;
        };
        // Half of them start a request and stall in its headers.
        if i % 2 == 0 {
            let _ = c.write_all(b"POST /api/check HTTP/1.1\r\nHost: 127");
        }
        idle.push(c);
    }
    assert!(idle.len() > 900, "only {} connections opened", idle.len());
    let (status, report) = s.check("GPT-4o is open source.\n");
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(1));
    // The cap (512) bounds the descriptors, whatever the clients do.
    let fds = s.open_descriptors().expect("/proc/PID/fd");
    assert!(fds < 600, "{fds} descriptors open");
    drop(idle);
    let (status, _) = s.check("GPT-4o is open source.\n");
    assert_eq!(status, 200);
}

#[test]
fn at_the_connection_cap_busy_connections_are_kept_and_a_newcomer_refused() {
    let s = Server::start(&["--max-connections", "2"]);
    // Two requests waiting for the rest of their bodies: both busy.
    let mut stalled = Vec::new();
    for _ in 0..2 {
        let mut c = s.connect();
        let head = s.head("/api/check", &[("Content-Type", "application/json")], 100);
        c.write_all(format!("{head}\r\n{{\"markdown\": \"GPT").as_bytes())
            .expect("send");
        stalled.push(c);
    }
    std::thread::sleep(Duration::from_millis(300));
    let (status, body) = s.check("GPT-4o is open source.\n");
    assert_eq!(status, 503, "{body}");
    assert!(message(&body).contains("--max-connections"), "{body}");
    drop(stalled);
    // Idle connections make room instead: the oldest one is closed.
    let mut first = s.connect();
    std::thread::sleep(Duration::from_millis(200));
    let _second = s.connect();
    std::thread::sleep(Duration::from_millis(200));
    let (status, body) = s.check("GPT-4o is open source.\n");
    assert_eq!(status, 200, "{body}");
    assert!(closed_by_server(&mut first, Duration::from_secs(10)));
}

#[test]
fn silent_and_slow_connections_are_closed() {
    let s = Server::start(&["--idle-timeout", "1s", "--header-timeout", "2s"]);
    let mut silent = s.connect();
    let mut slow = s.connect();
    slow.write_all(b"POST /api/check HTTP/1.1\r\nHost: ")
        .expect("send");
    // A keep-alive connection after its answer.
    let mut kept = s.connect();
    let body = br#"{"markdown": "GPT-4o is open source.\n"}"#;
    let head = s
        .head(
            "/api/check",
            &[("Content-Type", "application/json")],
            body.len(),
        )
        .replace("Connection: close\r\n", "");
    kept.write_all(head.as_bytes()).expect("send");
    kept.write_all(b"\r\n").expect("send");
    kept.write_all(body).expect("send");
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).expect("an answer");
    assert_eq!(&first, b"HTTP/1.1 200");
    for (name, c) in [
        ("silent", &mut silent),
        ("slow headers", &mut slow),
        ("idle keep-alive", &mut kept),
    ] {
        assert!(
            closed_by_server(c, Duration::from_secs(15)),
            "{name} connection still open"
        );
    }
    // A body that stops arriving is answered when the request time is up.
    let s = Server::start(&["--request-timeout", "1s", "--idle-timeout", "30s"]);
    let mut c = s.connect();
    let head = s.head("/api/check", &[("Content-Type", "application/json")], 100);
    c.write_all(format!("{head}\r\n{{\"markdown\": \"GPT").as_bytes())
        .expect("send");
    let (status, body) = response(&mut c);
    assert_eq!(status, 503, "{body}");
    assert!(message(&body).contains("--request-timeout"), "{body}");
}

#[test]
fn stops_within_two_seconds_of_a_signal_while_a_client_stalls() {
    for signal in ["TERM", "INT"] {
        let mut s = Server::start(&[]);
        // Half a request: the head and a few bytes of a 1000-byte body.
        let mut stalled = s.connect();
        let head = s.head("/api/check", &[("Content-Type", "application/json")], 1000);
        stalled
            .write_all(format!("{head}\r\n{{\"markdown\": \"").as_bytes())
            .expect("send");
        // Half a head, and a connection that sends nothing.
        let mut half = s.connect();
        half.write_all(b"POST /api/check HTTP/1.1\r\nHo")
            .expect("send");
        let _silent = s.connect();
        std::thread::sleep(Duration::from_millis(300));
        s.signal(signal);
        let status = s.exits_within(Duration::from_secs(2));
        assert!(
            status.is_some(),
            "still running 2 s after SIG{signal} with a stalled client"
        );
        assert_eq!(status.and_then(|st| st.code()), Some(0), "SIG{signal}");
    }
}

#[test]
fn duplicate_host_headers_get_400() {
    let s = Server::start(&[]);
    let body = br#"{"markdown": "GPT-4o is open source.\n"}"#;
    let own = s.addr.to_string();
    for second in [own.as_str(), "evil.example"] {
        let (status, v) = s.post(
            "/api/check",
            &[("Content-Type", "application/json"), ("Host", second)],
            body,
        );
        assert_eq!(status, 400, "{v}");
        assert!(message(&v).contains("Host"), "{v}");
    }
    let (status, _) = s.post("/api/check", &[("Content-Type", "application/json")], body);
    assert_eq!(status, 200);
}

#[test]
fn a_charset_other_than_utf8_gets_415() {
    let s = Server::start(&[]);
    let body = br#"{"markdown": "GPT-4o is open source.\n"}"#;
    for bad in [
        "application/json;charset=latin1",
        "application/json; charset=ISO-8859-1",
        "application/json; charset=\"utf-16\"",
    ] {
        let (status, v) = s.post("/api/check", &[("Content-Type", bad)], body);
        assert_eq!(status, 415, "{bad}: {v}");
        assert!(message(&v).contains("UTF-8"), "{v}");
    }
    for good in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=UTF8",
        "application/json; charset=\"UTF-8\"",
    ] {
        let (status, v) = s.post("/api/annotate", &[("Content-Type", good)], body);
        assert_eq!(status, 200, "{good}: {v}");
    }
}

#[test]
fn a_draft_over_the_budget_gets_a_clear_answer() {
    let s = Server::start(&["--max-findings", "3"]);
    let three =
        "GPT-4o is open source.\n\nClaude 3 is open source.\n\nMeta's open-source Llama 3.3 is here.\n";
    let (status, v) = s.check(three);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(3), "{v}");
    let four = format!("{three}\nGPT-4 is open source.\n");
    for path in ["/api/check", "/api/annotate"] {
        let body = json!({ "markdown": four, "lang": "en" }).to_string();
        let (status, v) = s.post(
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        assert_eq!(status, 422, "{path}: {v}");
        let m = message(&v);
        assert!(
            m.contains("more than 3 findings") && m.contains("--max-findings"),
            "{m}"
        );
        assert_eq!(v["findings"], json!([]), "{v}");
    }
    // The time budget: a draft that takes longer gets 503 and its message.
    let s = Server::start(&["--request-timeout", "300ms", "--max-findings", "100000"]);
    let (status, v) = s.check(&sentences(100_000));
    assert_eq!(status, 503, "{v}");
    assert!(message(&v).contains("--request-timeout"), "{v}");
}

#[test]
fn an_abandoned_request_stops_using_cpu() {
    let s = Server::start(&["--max-findings", "100000", "--request-timeout", "600s"]);
    let Some(start) = s.cpu_seconds() else {
        println!("SKIPPED: no /proc/PID/stat here");
        return;
    };
    let body = json!({ "markdown": sentences(100_000), "lang": "en" }).to_string();
    let mut c = s.connect();
    let mut request = s
        .head(
            "/api/check",
            &[("Content-Type", "application/json")],
            body.len(),
        )
        .into_bytes();
    request.extend_from_slice(b"\r\n");
    request.extend_from_slice(body.as_bytes());
    c.write_all(&request).expect("send");
    // Wait until the analysis is visibly working (bounded).
    let working = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        s.cpu_seconds().is_some_and(|now| now - start > 0.5)
    });
    assert!(working, "the analysis never used half a CPU second");
    drop(c);
    std::thread::sleep(Duration::from_millis(1500));
    let after_hangup = s.cpu_seconds().expect("cpu");
    std::thread::sleep(Duration::from_secs(3));
    let later = s.cpu_seconds().expect("cpu");
    assert!(
        later - after_hangup < 0.3,
        "{:.2} CPU seconds used in the 3 s after the client hung up",
        later - after_hangup
    );
    // And the server is still there.
    let (status, _) = s.check("GPT-4o is open source.\n");
    assert_eq!(status, 200);
}

#[test]
fn memory_is_returned_after_a_large_request() {
    let s = Server::start(&["--max-findings", "100000"]);
    // Warm up (engines, runtime threads) before measuring.
    let (status, _) = s.check("GPT-4o is open source.\n");
    assert_eq!(status, 200);
    std::thread::sleep(Duration::from_millis(1500));
    let Some(before) = s.rss_kib() else {
        println!("SKIPPED: no /proc/PID/status here");
        return;
    };
    let (status, v) = s.check(&claims(600));
    assert_eq!(status, 200);
    assert!(v["findings"].as_array().is_some_and(|f| f.len() >= 600));
    drop(v);
    let mut now = s.rss_kib().expect("rss");
    println!("RSS before {before} KiB, right after a 600-claim draft {now} KiB");
    // Given back within a few seconds (bounded wait): within 4 MiB of before.
    for _ in 0..100 {
        if now < before + 4 * 1024 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        now = s.rss_kib().expect("rss");
    }
    println!("RSS settled at {now} KiB");
    assert!(
        now < before + 4 * 1024,
        "RSS {now} KiB after the request, {before} KiB before"
    );
}
