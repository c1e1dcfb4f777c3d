//! `POST /api/check` and `POST /api/annotate` (contract: docs/api.md).

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use openclaim::report::{FileReport, Finding, SCHEMA};
use openclaim::{source, Definition, FileResult, Lang, Style};

use super::guard::too_large;
use super::App;

/// The findings' sentences one answer may carry, in bytes: a draft of
/// long run-on paragraphs repeats each paragraph in every finding in it.
const REPORT_BUDGET: usize = 64 * 1024 * 1024;

/// The request body of both endpoints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiRequest {
    /// The article as JSON text; or, for an article in another encoding,
    /// `markdown_base64` with its bytes.
    #[serde(default)]
    markdown: Option<String>,
    #[serde(default)]
    markdown_base64: Option<String>,
    /// What `markdown_base64`'s bytes are in, as `--encoding` takes it.
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    definition: Option<String>,
    #[serde(default)]
    style: Option<String>,
    #[serde(default)]
    explain: bool,
    /// The name reported as `path` (default "draft.md").
    #[serde(default)]
    path: Option<String>,
    /// Finding ids the editor dismissed: left out of the report, the edits
    /// and the annotated text, so a download matches the page.
    #[serde(default)]
    dismissed: Vec<String>,
}

/// A rewrite the page may apply: the byte range annotate would substitute
/// (the claim term, sometimes with a following hyphen) and its wording.
#[derive(Debug, Serialize)]
struct Edit {
    start: usize,
    end: usize,
    replacement: String,
    /// Indices into `findings` of the findings this rewrite answers.
    findings: Vec<usize>,
}

#[derive(Debug, Serialize)]
struct Answer<'a> {
    schema: &'static str,
    version: &'static str,
    #[serde(flatten)]
    report: &'a FileReport,
    edits: Vec<Edit>,
    /// Something the editor must know before trusting the findings: an
    /// empty draft, or a language openclaim has no rules for.
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    style: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotated: Option<&'a str>,
    /// For a request with `markdown_base64`: the encoding its bytes were
    /// read in, and the annotated article in it, so it can be saved as the
    /// file it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotated_base64: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    Check,
    Annotate,
}

struct Job {
    /// The article's bytes as sent: `markdown`'s UTF-8, or `markdown_base64` decoded.
    bytes: Vec<u8>,
    /// For `markdown_base64`: the encoding given, and the one its bytes
    /// are read in (the given one, else by byte-order mark, else UTF-8).
    encoding: Option<(Option<source::Encoding>, source::Encoding)>,
    path: String,
    lang: Option<Lang>,
    definition: Option<Definition>,
    style: Style,
    explain: bool,
    dismissed: Vec<String>,
    mode: Mode,
}

pub async fn check(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(app, &headers, body, Mode::Check).await
}

pub async fn annotate(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(app, &headers, body, Mode::Annotate).await
}

pub async fn not_found() -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        "not found: the page is at / and the API at POST /api/check and POST /api/annotate",
    )
}

pub async fn method_not_allowed() -> Response {
    error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed: the API takes POST with a JSON body",
    )
}

async fn handle(
    app: Arc<App>,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    mode: Mode,
) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => return too_large(app.max_body),
        Err(r) => return error_response(r.status(), &r.body_text()),
    };
    if let Err(message) = json_content_type(headers) {
        return error_response(StatusCode::UNSUPPORTED_MEDIA_TYPE, &message);
    }
    let job = match parse(&body, mode) {
        Ok(j) => j,
        Err(message) => return error_response(StatusCode::BAD_REQUEST, &message),
    };
    drop(body);
    let cancel = Cancel::default();
    let stop = cancel.0.clone();
    match tokio::task::spawn_blocking(move || run(&app, job, &stop)).await {
        Ok(response) => response,
        Err(_) => error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the analysis failed on this draft; please report it with the draft attached",
        ),
    }
}

/// Set when the request is dropped (its client went away, it ran out of
/// time, or the server stops), so that its analysis on the blocking pool,
/// which cannot be aborted, stops at the next claim term.
#[derive(Default)]
struct Cancel(Arc<AtomicBool>);

impl Drop for Cancel {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

/// `application/json`, with no charset or UTF-8: JSON is UTF-8 (RFC 8259),
/// and a body announced in another charset would be misread.
fn json_content_type(headers: &HeaderMap) -> Result<(), String> {
    let value = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or("").trim();
    if !media.eq_ignore_ascii_case("application/json") {
        return Err("expected a JSON body with Content-Type: application/json".into());
    }
    for (name, charset) in parts.filter_map(|p| p.split_once('=')) {
        let charset = charset.trim().trim_matches('"');
        if name.trim().eq_ignore_ascii_case("charset")
            && !charset.eq_ignore_ascii_case("utf-8")
            && !charset.eq_ignore_ascii_case("utf8")
        {
            return Err(format!(
                "the body must be UTF-8 JSON; charset '{}' is not accepted",
                charset.chars().take(40).collect::<String>()
            ));
        }
    }
    Ok(())
}

fn parse(body: &[u8], mode: Mode) -> Result<Job, String> {
    let req: ApiRequest =
        serde_json::from_slice(body).map_err(|e| format!("invalid JSON request: {e}"))?;
    let lang = match req.lang.as_deref() {
        None | Some("auto") => None,
        Some(s @ ("nl" | "en")) => s.parse().ok(),
        Some(s) => {
            return Err(format!(
                "unknown lang '{s}': expected \"nl\", \"en\" or null"
            ))
        }
    };
    let definition = match req.definition.as_deref() {
        None => None,
        Some(s @ ("osaid" | "license")) => s.parse().ok(),
        Some(s) => {
            return Err(format!(
                "unknown definition '{s}': expected \"osaid\", \"license\" or null"
            ))
        }
    };
    let style = match req.style.as_deref() {
        None => Style::default(),
        Some(s) => s
            .parse()
            .map_err(|e: openclaim::annotate::ParseStyleError| e.to_string())?,
    };
    let (bytes, encoding) = match (req.markdown, req.markdown_base64, req.encoding) {
        (Some(_), Some(_), _) => {
            return Err("give markdown or markdown_base64, not both".into());
        }
        (None, None, _) => {
            return Err(
                "missing field `markdown` (or `markdown_base64` with the article's bytes)".into(),
            );
        }
        (Some(_), None, Some(_)) => {
            return Err(
                "encoding describes the bytes of markdown_base64; markdown is JSON text, which is always Unicode"
                    .into(),
            );
        }
        (Some(text), None, None) => (text.into_bytes(), None),
        (None, Some(b64), encoding) => {
            let given = encoding
                .as_deref()
                .map(|e| e.parse::<source::Encoding>())
                .transpose()?;
            let bytes = super::base64::decode(&b64)?;
            let effective = openclaim::encode::encoding_of(&bytes, given);
            (bytes, Some((given, effective)))
        }
    };
    Ok(Job {
        bytes,
        encoding,
        path: req
            .path
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "draft.md".into()),
        lang,
        definition,
        style,
        explain: req.explain,
        dismissed: req.dismissed,
        mode,
    })
}

/// Why an analysis was stopped before the end.
#[derive(Debug, Clone, Copy)]
enum Over {
    Cancelled,
    Findings,
    Report,
}

fn run(app: &App, job: Job, stop: &AtomicBool) -> Response {
    let _running = app.memory.running();
    let over = Cell::new(Over::Cancelled);
    let go_on = |found: &[Finding]| {
        if stop.load(Ordering::Acquire) {
            return false;
        }
        if found.len() > app.max_findings {
            over.set(Over::Findings);
            return false;
        }
        if found.iter().map(|f| f.sentence.len()).sum::<usize>() > REPORT_BUDGET {
            over.set(Over::Report);
            return false;
        }
        true
    };
    let engine = app.engines.get(job.definition, job.explain);
    let fallback = job.lang.or(engine.options().lang);
    // The same gate as the CLI's: a draft with a NUL byte is not an article,
    // and bytes in an encoding are decoded as the CLI decodes a file.
    let given = job.encoding.and_then(|(given, _)| given);
    let markdown = match source::decode_as(&job.path, &job.bytes, given) {
        Ok(text) => text,
        Err(e) => {
            let message = e
                .to_string()
                .replace("--encoding", "\"encoding\" and markdown_base64");
            return unprocessable(&job, message);
        }
    };
    let markdown: &str = &markdown;
    let notice = notice(markdown, fallback);
    let notice = notice.as_deref();
    let done = match job.mode {
        Mode::Check => engine
            .check_within(&job.path, markdown, fallback, &go_on)
            .map(|mut result| {
                result.dismiss(&job.dismissed);
                (None, result)
            }),
        Mode::Annotate => engine
            .annotate_within(
                &job.path,
                markdown,
                job.style,
                fallback,
                &job.dismissed,
                &go_on,
            )
            .map(|(text, result)| (Some(text), result)),
    };
    let Some((text, result)) = done else {
        return over_budget(app, &job, over.get());
    };
    let encoded = match (job.encoding, text.as_deref()) {
        (None, _) => None,
        (Some((_, encoding)), None) => Some((encoding, None)),
        (Some((_, encoding)), Some(t)) => match openclaim::encode::encode(&job.path, t, encoding) {
            Ok(bytes) => Some((encoding, Some(super::base64::encode(&bytes)))),
            Err(e) => return unprocessable(&job, e.to_string()),
        },
    };
    answer(
        StatusCode::OK,
        &result.report,
        edits(&result),
        text.as_deref().map(|t| (job.style, t)),
        notice,
        encoded,
    )
}

/// The per-file object with `error` set and no findings, with 422: the
/// draft cannot be analysed, or its annotated text cannot be given back.
fn unprocessable(job: &Job, message: String) -> Response {
    failed(job, StatusCode::UNPROCESSABLE_ENTITY, message)
}

fn failed(job: &Job, status: StatusCode, message: String) -> Response {
    let report = FileReport {
        path: job.path.clone(),
        lang: None,
        error: Some(message),
        findings: Vec::new(),
        suppressed: 0,
        dismissed: job.explain.then(Vec::new),
    };
    answer(status, &report, Vec::new(), None, None, None)
}

/// The answer to a draft whose analysis was stopped: the per-file object
/// with `error` set and no findings, as for a draft that is not text.
fn over_budget(app: &App, job: &Job, over: Over) -> Response {
    let (status, message) = match over {
        // Nobody reads this: the request is gone.
        Over::Cancelled => (
            StatusCode::SERVICE_UNAVAILABLE,
            "the request was cancelled".to_string(),
        ),
        Over::Findings => (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "the draft has more than {} findings, the limit of this server (--max-findings); \
                 check it in parts or with the openclaim command",
                app.max_findings
            ),
        ),
        Over::Report => (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "the report on this draft would be larger than {} MiB (its sentences are very \
                 long); check it in parts or with the openclaim command",
                REPORT_BUDGET / (1024 * 1024)
            ),
        ),
    };
    failed(job, status, message)
}

/// What the page shows above the findings when the draft is empty or in a
/// language openclaim has no rules for (checked anyway, so the editor sees
/// what the English or Dutch rules make of it).
fn notice(markdown: &str, lang: Option<Lang>) -> Option<String> {
    if markdown
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Some("Nothing to check: the draft is empty.".into());
    }
    super::super::language::refuse("draft", markdown, lang).and_then(|_| {
        openclaim::text::lang::unsupported(markdown).map(|other| {
            format!(
                "This draft looks {other}; openclaim checks Dutch and English only, so the findings \
                 below may be wrong. Choose Dutch or English to check it anyway."
            )
        })
    })
}

/// The rewrites annotate would make, each tied to the findings of its term.
fn edits(result: &FileResult) -> Vec<Edit> {
    result
        .annotations
        .iter()
        .filter_map(|a| {
            let replacement = a.replacement.clone()?;
            let findings = result
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.start == a.term.start)
                .map(|(i, _)| i)
                .collect();
            Some(Edit {
                start: a.term.start,
                end: a.term.end,
                replacement,
                findings,
            })
        })
        .collect()
}

fn answer(
    status: StatusCode,
    report: &FileReport,
    edits: Vec<Edit>,
    annotated: Option<(Style, &str)>,
    notice: Option<&str>,
    encoded: Option<(source::Encoding, Option<String>)>,
) -> Response {
    let body = Answer {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        report,
        edits,
        notice: notice.map(str::to_string),
        style: annotated.map(|(s, _)| s.name()),
        annotated: annotated.map(|(_, t)| t),
        encoding: encoded.as_ref().map(|(e, _)| e.name()),
        annotated_base64: encoded.and_then(|(_, b)| b),
    };
    match serde_json::to_vec(&body) {
        Ok(json) => json_response(status, json),
        Err(e) => error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("cannot write the report: {e}"),
        ),
    }
}

/// `{"error": message}` with `status`.
pub fn error_response(status: StatusCode, message: &str) -> Response {
    let json = serde_json::to_vec(&serde_json::json!({ "error": message }))
        .unwrap_or_else(|_| b"{\"error\":\"error\"}".to_vec());
    json_response(status, json)
}

fn json_response(status: StatusCode, json: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(json));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
