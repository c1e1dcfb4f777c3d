//! `openclaim serve`: the real binary on a free port, spoken to over a
//! plain TCP socket with a few lines of HTTP/1.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

mod common;

use common::{Server, BIN};

impl Server {
    fn host(&self) -> String {
        self.addr.to_string()
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.host()));
        }
        for (k, v) in headers {
            if !v.is_empty() {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
        }
        if !body.is_empty() || method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        send(self.addr, head.into_bytes(), body.to_vec())
    }

    fn post_json(&self, path: &str, body: &Value) -> Response {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        )
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {}: body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Writes the request (the body from another thread, since the server may
/// answer before reading it all) and reads the response until the server
/// closes the connection.
fn send(addr: SocketAddr, head: Vec<u8>, body: Vec<u8>) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("clone");
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(&head);
        let _ = writer.write_all(&body);
        let _ = writer.flush();
    });
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            // A reset after the response (unread request body) ends it too.
            Err(_) if !raw.is_empty() => break,
            Err(e) => panic!("reading the response: {e}"),
        }
        if complete(&raw) {
            break;
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = sender.join();
    parse(&raw)
}

fn split_head(raw: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    Some((&raw[..at], &raw[at + 4..]))
}

fn content_length(head: &[u8]) -> Option<usize> {
    String::from_utf8_lossy(head).lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse().ok())?
    })
}

fn complete(raw: &[u8]) -> bool {
    split_head(raw)
        .and_then(|(head, body)| Some(body.len() >= content_length(head)?))
        .unwrap_or(false)
}

fn parse(raw: &[u8]) -> Response {
    let (head, body) = split_head(raw)
        .unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        let n = content_length(head.as_bytes()).unwrap_or(body.len());
        body[..n.min(body.len())].to_vec()
    };
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(at) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..at])
                .split(';')
                .next()
                .unwrap_or("")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = at + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .expect("fixture")
}

/// The CLI's standard output (exit code 1 only means findings).
fn cli(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run openclaim");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "openclaim {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn cli_report(args: &[&str]) -> Value {
    serde_json::from_str(&cli(args)).expect("JSON report")
}

fn error_message(r: &Response) -> String {
    r.json()["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error message in {}", r.text()))
        .to_string()
}

#[test]
fn serves_the_page_and_its_assets_with_a_strict_policy() {
    let s = Server::start(&[]);
    let page = s.request("GET", "/", &[], b"");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let html = page.text();
    assert!(html.contains("<textarea"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external assets"
    );
    for (path, kind) in [
        ("/app.js", "text/javascript"),
        ("/style.css", "text/css"),
        ("/favicon.svg", "image/svg+xml"),
    ] {
        let r = s.request("GET", path, &[], b"");
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type")
                .is_some_and(|t| t.starts_with(kind)),
            "{path}"
        );
        assert!(!r.text().contains("innerHTML"), "{path}");
    }
    assert_eq!(s.request("GET", "/nope", &[], b"").status, 404);
    let wrong_method = s.request("GET", "/api/check", &[], b"");
    assert_eq!(wrong_method.status, 405);
    assert!(!error_message(&wrong_method).is_empty());
}

#[test]
fn check_answers_what_the_cli_reports() {
    let s = Server::start(&[]);
    let r = s.post_json(
        "/api/check",
        &json!({"markdown": fixture("en-openwashing.md"), "path": "fixtures/en-openwashing.md"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let got = r.json();
    let want = cli_report(&["check", "--format", "json", "fixtures/en-openwashing.md"]);
    assert_eq!(got["schema"], want["schema"]);
    assert_eq!(got["version"], want["version"]);
    let file = &want["files"][0];
    for key in ["path", "lang", "error", "findings"] {
        assert_eq!(got[key], file[key], "{key}");
    }
    assert!(got["findings"].as_array().is_some_and(|f| f.len() > 5));
    assert!(got.get("dismissed").is_none());
    assert!(got.get("annotated").is_none());
    // Every edit points at the findings it answers.
    for edit in got["edits"].as_array().expect("edits") {
        for i in edit["findings"].as_array().expect("finding indices") {
            let f = &got["findings"][i.as_u64().expect("index") as usize];
            assert_eq!(f["start"], edit["start"]);
        }
    }
}

#[test]
fn annotate_answers_what_the_cli_writes() {
    let s = Server::start(&[]);
    for style in ["critic", "footnote", "comment"] {
        let r = s.post_json(
            "/api/annotate",
            &json!({"markdown": fixture("en-openwashing.md"), "style": style}),
        );
        assert_eq!(r.status, 200, "{}", r.text());
        let got = r.json();
        let want = cli(&["annotate", "--style", style, "fixtures/en-openwashing.md"]);
        assert_eq!(got["annotated"].as_str(), Some(want.as_str()), "{style}");
        assert_eq!(got["style"], style);
        assert_eq!(got["path"], "draft.md");
        assert!(!got["findings"].as_array().expect("findings").is_empty());
    }
    // Without a style: CriticMarkup, as on the command line.
    let r = s.post_json(
        "/api/annotate",
        &json!({"markdown": fixture("nl-mixed.md")}),
    );
    assert_eq!(
        r.json()["annotated"].as_str(),
        Some(cli(&["annotate", "fixtures/nl-mixed.md"]).as_str())
    );
}

#[test]
fn request_settings_and_server_defaults() {
    let s = Server::start(&[]);
    let md = fixture("en-mixed.md");
    let license = s.post_json(
        "/api/check",
        &json!({"markdown": md, "definition": "license"}),
    );
    let want = cli_report(&[
        "check",
        "--format",
        "json",
        "--definition",
        "license",
        "fixtures/en-mixed.md",
    ]);
    assert_eq!(license.json()["findings"], want["files"][0]["findings"]);
    let osaid = s.post_json("/api/check", &json!({"markdown": md, "definition": null}));
    assert_ne!(osaid.json()["findings"], license.json()["findings"]);

    // The serve command's own flags are the defaults.
    let s2 = Server::start(&["--definition", "license"]);
    let r = s2.post_json("/api/check", &json!({"markdown": md}));
    assert_eq!(r.json()["findings"], want["files"][0]["findings"]);

    // The language applies when the front matter has none.
    let plain = "Meta's open-source Llama 3.3 is everywhere.\n";
    let nl = s.post_json("/api/check", &json!({"markdown": plain, "lang": "nl"}));
    assert_eq!(nl.json()["lang"], "nl");
    let en = s.post_json("/api/check", &json!({"markdown": plain, "lang": "en"}));
    assert_eq!(en.json()["lang"], "en");
    assert_ne!(
        nl.json()["findings"][0]["correction"],
        en.json()["findings"][0]["correction"]
    );

    let explained = s.post_json(
        "/api/check",
        &json!({"markdown": fixture("en-careful-licenses.md"), "explain": true}),
    );
    let want = cli_report(&[
        "check",
        "--format",
        "json",
        "--explain",
        "fixtures/en-careful-licenses.md",
    ]);
    assert_eq!(explained.json()["dismissed"], want["files"][0]["dismissed"]);
    assert!(explained.json()["dismissed"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
}

#[test]
fn malformed_requests_get_400_with_a_message() {
    let s = Server::start(&[]);
    let cases: &[(&[u8], &str)] = &[
        (b"{\"markdown\": ", "EOF"),
        (b"not json", "expected"),
        (b"", "EOF"),
        (b"{}", "markdown"),
        (b"{\"markdown\": 3}", "string"),
        (b"{\"markdown\": \"x\", \"lang\": \"fr\"}", "fr"),
        (b"{\"markdown\": \"x\", \"definition\": \"gpl\"}", "gpl"),
        (b"{\"markdown\": \"x\", \"style\": \"bold\"}", "bold"),
        (b"{\"markdown\": \"x\", \"colour\": 1}", "colour"),
        (b"{\"markdown\": \"\\ud800\"}", "escape"),
    ];
    for (body, needle) in cases {
        for path in ["/api/check", "/api/annotate"] {
            let r = s.request("POST", path, &[("Content-Type", "application/json")], body);
            assert_eq!(r.status, 400, "{path} {}", String::from_utf8_lossy(body));
            let message = error_message(&r);
            assert!(
                message.contains(needle),
                "{:?}: {message}",
                String::from_utf8_lossy(body)
            );
        }
    }
    let plain = s.request(
        "POST",
        "/api/check",
        &[("Content-Type", "text/plain")],
        br#"{"markdown": "x"}"#,
    );
    assert_eq!(plain.status, 415);
    assert!(!error_message(&plain).is_empty());
}

#[test]
fn a_draft_that_is_not_text_is_reported_like_the_cli_does() {
    let s = Server::start(&[]);
    let r = s.post_json("/api/check", &json!({"markdown": "a\u{0}b"}));
    assert_eq!(r.status, 422);
    let got = r.json();
    assert!(
        got["error"].as_str().is_some_and(|e| e.contains("binary")),
        "{got}"
    );
    assert_eq!(got["findings"], json!([]));
}

#[test]
fn bodies_over_the_limit_get_413() {
    let s = Server::start(&[]);
    let big = json!({"markdown": "a".repeat(11 * 1024 * 1024)}).to_string();
    let r = s.request(
        "POST",
        "/api/check",
        &[("Content-Type", "application/json")],
        big.as_bytes(),
    );
    assert_eq!(r.status, 413);
    assert!(error_message(&r).contains("limit"));

    // The limit is --max-body, exactly.
    let s = Server::start(&["--max-body", "1000"]);
    let body = |len: usize| {
        let pad = len - json!({"markdown": ""}).to_string().len();
        json!({"markdown": "a".repeat(pad)}).to_string()
    };
    let at = body(1000);
    assert_eq!(at.len(), 1000);
    let ok = s.post_json("/api/check", &serde_json::from_str(&at).expect("json"));
    assert_eq!(ok.status, 200, "{}", ok.text());
    let over = s.request(
        "POST",
        "/api/check",
        &[("Content-Type", "application/json")],
        body(1001).as_bytes(),
    );
    assert_eq!(over.status, 413);

    // A chunked body (no Content-Length) is cut off at the limit too.
    let chunk = "a".repeat(1500);
    let raw = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{chunk}\r\n0\r\n\r\n",
        s.host(),
        chunk.len()
    );
    let r = send(s.addr, raw.into_bytes(), Vec::new());
    assert_eq!(r.status, 413);
}

#[test]
fn foreign_host_headers_get_403() {
    let s = Server::start(&[]);
    let port = s.addr.port();
    let body = br#"{"markdown": "GPT-4o is open source."}"#;
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        format!("localhost.evil.example:{port}"),
        "localhost".to_string(),
    ] {
        for (method, path) in [("GET", "/"), ("POST", "/api/check")] {
            let r = s.request(
                method,
                path,
                &[("Host", &host), ("Content-Type", "application/json")],
                body,
            );
            assert_eq!(r.status, 403, "{host} {path}");
            assert!(error_message(&r).contains("Host"));
        }
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        let r = s.request(
            "POST",
            "/api/check",
            &[("Host", &host), ("Content-Type", "application/json")],
            body,
        );
        assert_eq!(r.status, 200, "{host}");
    }
    // A page of another site posting here is refused by its Origin.
    let r = s.request(
        "POST",
        "/api/check",
        &[
            ("Content-Type", "application/json"),
            ("Origin", "http://evil.example"),
        ],
        body,
    );
    assert_eq!(r.status, 403);
    let own = format!("http://localhost:{port}");
    let r = s.request(
        "POST",
        "/api/check",
        &[("Content-Type", "application/json"), ("Origin", &own)],
        body,
    );
    assert_eq!(r.status, 200);
    // HTTP/1.0 without a Host header.
    let r = send(s.addr, b"GET / HTTP/1.0\r\n\r\n".to_vec(), Vec::new());
    assert_eq!(r.status, 403);
}

#[test]
fn requests_leave_nothing_behind() {
    let s = Server::start(&[]);
    let first = s.post_json(
        "/api/check",
        &json!({"markdown": "GPT-4o is open source.\n"}),
    );
    assert_eq!(first.json()["findings"].as_array().map(Vec::len), Some(1));
    let clean = s.post_json("/api/check", &json!({"markdown": "Nothing to see.\n"}));
    assert_eq!(clean.json()["findings"], json!([]));
    let again = s.post_json(
        "/api/check",
        &json!({"markdown": "GPT-4o is open source.\n"}),
    );
    assert_eq!(again.json(), first.json());
}

#[test]
fn a_taken_port_is_an_error() {
    let s = Server::start(&[]);
    let out = Command::new(BIN)
        .args(["serve", "--port", &s.addr.port().to_string()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen"));
}

#[test]
fn dismissed_findings_leave_the_report_and_the_download() {
    let s = Server::start(&[]);
    let draft = fixture("en-openwashing.md");
    let full = s
        .post_json("/api/annotate", &json!({"markdown": draft}))
        .json();
    let findings = full["findings"].as_array().expect("findings").clone();
    let first = &findings[0];
    let id = first["id"].as_str().expect("id").to_string();
    assert!(id.starts_with("oc-"), "{id}");
    assert!(matches!(
        first["rule"].as_str(),
        Some("OC001" | "OC002" | "OC003")
    ));
    // The same draft gives the same ids.
    let again = s
        .post_json("/api/check", &json!({"markdown": draft}))
        .json();
    assert_eq!(again["findings"][0]["id"], first["id"]);

    let start = first["start"].as_u64().expect("start");
    let annotated = full["annotated"].as_str().expect("annotated");
    let term_at = |text: &str| text.find("Its {~~open-source").is_some();
    assert!(
        term_at(annotated),
        "the first claim is annotated before dismissing"
    );
    for endpoint in ["/api/check", "/api/annotate"] {
        let r = s
            .post_json(endpoint, &json!({"markdown": draft, "dismissed": [id]}))
            .json();
        let left = r["findings"].as_array().expect("findings");
        assert_eq!(left.len(), findings.len() - 1, "{endpoint}");
        assert!(left.iter().all(|f| f["id"] != first["id"]), "{endpoint}");
        assert!(
            r["edits"]
                .as_array()
                .expect("edits")
                .iter()
                .all(|e| e["start"].as_u64() != Some(start)),
            "{endpoint}"
        );
        if endpoint == "/api/annotate" {
            let text = r["annotated"].as_str().expect("annotated");
            assert!(!term_at(text), "dismissed claim still annotated");
            assert!(text.contains("Its open-source Llama 3.3"), "{text}");
        }
    }
    // Ids that match nothing change nothing.
    let r = s
        .post_json(
            "/api/check",
            &json!({"markdown": draft, "dismissed": ["oc-0000000000000000"]}),
        )
        .json();
    assert_eq!(r["findings"].as_array().map(Vec::len), Some(findings.len()));
}

#[test]
fn empty_and_foreign_drafts_get_a_notice() {
    let s = Server::start(&[]);
    let r = s
        .post_json("/api/check", &json!({"markdown": "  \n"}))
        .json();
    assert_eq!(r["notice"], "Nothing to check: the draft is empty.");
    let german = "Der neue Chatbot von Meta ist nicht so offen, wie das Unternehmen behauptet. Die Lizenz von Llama 3 ist keine Open-Source-Lizenz, und auch die Trainingsdaten sind nicht frei, aber das Modell wird trotzdem gern mit dem Etikett beworben.";
    let r = s
        .post_json("/api/check", &json!({"markdown": german}))
        .json();
    assert!(
        r["notice"].as_str().is_some_and(|n| n.contains("German")),
        "{r}"
    );
    let r = s
        .post_json("/api/check", &json!({"markdown": german, "lang": "en"}))
        .json();
    assert!(r.get("notice").is_none(), "{r}");
    let r = s
        .post_json(
            "/api/check",
            &json!({"markdown": fixture("en-openwashing.md")}),
        )
        .json();
    assert!(r.get("notice").is_none(), "{r}");
}

#[cfg(unix)]
#[test]
fn open_starts_the_browser_on_the_page() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let script = dir.path().join("browser.sh");
    let seen = dir.path().join("seen.txt");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", seen.display()),
    )
    .expect("write script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut child = Command::new(BIN)
        .args(["serve", "--port", "0", "--open"])
        .env("OPENCLAIM_BROWSER", &script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start openclaim serve --open");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("address line");
    let url = line.split_whitespace().last().unwrap_or("").to_string();
    // The opener runs after the address is printed; wait for it to finish.
    let mut opened = String::new();
    for _ in 0..200 {
        opened = std::fs::read_to_string(&seen).unwrap_or_default();
        if opened.ends_with('\n') {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    assert_eq!(opened.trim_end(), url);
}

/// Base64 with padding, as a client would send it.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= c.len() {
                A[(n >> (18 - 6 * i)) as usize & 63] as char
            } else {
                '='
            });
        }
    }
    out
}

fn unbase64(text: &str) -> Vec<u8> {
    const A: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
    for c in text.trim_end_matches('=').chars() {
        acc = (acc << 6) | A.find(c).expect("base64") as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn an_article_in_another_encoding_comes_as_bytes_and_goes_back_in_it() {
    let s = Server::start(&[]);
    let text = "Caf\u{e9} news: Meta released Llama 3, an open-source model.\n";
    let plain = s.post_json("/api/annotate", &json!({"markdown": text, "lang": "en"}));
    assert_eq!(plain.status, 200, "{}", plain.text());
    let plain = plain.json();
    let annotated = plain["annotated"].as_str().expect("annotated");
    assert!(plain.get("annotated_base64").is_none() && plain.get("encoding").is_none());

    let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    for (bytes, encoding, named) in [
        (latin1.clone(), Some("latin1"), "latin1"),
        (latin1.clone(), Some("ISO-8859-1"), "latin1"),
        (utf16le_with_bom(text), None, "utf-16le"),
        (text.as_bytes().to_vec(), Some("utf-8"), "utf-8"),
    ] {
        let mut body = json!({"markdown_base64": base64(&bytes), "lang": "en"});
        if let Some(e) = encoding {
            body["encoding"] = json!(e);
        }
        let r = s.post_json("/api/annotate", &body);
        assert_eq!(r.status, 200, "{encoding:?}: {}", r.text());
        let got = r.json();
        assert_eq!(got["encoding"], named);
        // The existing keys are the same as for the text; the BOM, kept as
        // U+FEFF, shifts the offsets of the UTF-16 article by three bytes.
        assert_eq!(got["findings"].as_array().map(Vec::len), Some(1), "{got}");
        assert_eq!(got["findings"][0]["term"], "open-source");
        let back = unbase64(got["annotated_base64"].as_str().expect("annotated_base64"));
        let want = match named {
            "latin1" => annotated.chars().map(|c| c as u32 as u8).collect(),
            "utf-16le" => utf16le_with_bom(annotated),
            _ => annotated.as_bytes().to_vec(),
        };
        assert_eq!(back, want, "{encoding:?}");
        let text_back = got["annotated"]
            .as_str()
            .expect("annotated")
            .trim_start_matches('\u{feff}');
        assert_eq!(text_back, annotated);

        let r = s.post_json("/api/check", &body);
        assert_eq!(r.status, 200, "{}", r.text());
        let got = r.json();
        assert_eq!(got["encoding"], named);
        assert_eq!(got["findings"][0]["model"]["canonical"], "Llama 3");
        assert!(got.get("annotated_base64").is_none());
    }
}

#[test]
fn encoding_mistakes_get_400_or_422_with_a_message() {
    let s = Server::start(&[]);
    let b64 = base64(b"Caf\xe9: Llama 3 is open source.\n");
    for path in ["/api/check", "/api/annotate"] {
        let r = s.post_json(path, &json!({"markdown_base64": b64, "encoding": "ebcdic"}));
        assert_eq!(r.status, 400, "{}", r.text());
        let message = error_message(&r);
        for allowed in ["ebcdic", "utf-8", "utf-16le", "utf-16be", "latin1"] {
            assert!(message.contains(allowed), "{message}");
        }
        let r = s.post_json(path, &json!({"markdown": "x", "encoding": "latin1"}));
        assert_eq!(r.status, 400);
        assert!(
            error_message(&r).contains("markdown_base64"),
            "{}",
            r.text()
        );
        let r = s.post_json(path, &json!({"markdown": "x", "markdown_base64": b64}));
        assert_eq!(r.status, 400);
        let r = s.post_json(path, &json!({"markdown_base64": "not base64!"}));
        assert_eq!(r.status, 400);
        assert!(error_message(&r).contains("base64"), "{}", r.text());
        // Latin-1 bytes said to be UTF-8: located, as the CLI locates them.
        let r = s.post_json(path, &json!({"markdown_base64": b64}));
        assert_eq!(r.status, 422, "{}", r.text());
        let got = r.json();
        let e = got["error"].as_str().unwrap_or("");
        assert!(
            e.starts_with("draft.md:1:4: invalid UTF-8") && e.contains("\"encoding\""),
            "{e}"
        );
    }
}
