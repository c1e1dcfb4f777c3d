//! Machine formats for code review: SARIF 2.1.0 (GitHub code scanning and
//! other SARIF viewers) and the Reviewdog Diagnostic Format as JSON Lines.
//!
//! Rules, one per kind of finding:
//! - OC001: an open-source claim, in the author's voice, about a
//!   restricted-weights or closed model;
//! - OC002: … about an open-weights model (wrong under OSAID 1.0);
//! - OC003: an open-source claim attributed to someone else.
//!
//! Each result also names its model in the `openclaim-glossary` taxonomy,
//! whose taxa (one per model and facts date) carry the license facts and
//! the glossary's source URL as `helpUri`.
//!
//! Paths are relative to the working directory (SARIF: to `%SRCROOT%`),
//! SARIF columns count Unicode code points (`columnKind`
//! `unicodeCodePoints`), reviewdog columns count UTF-8 bytes, as that
//! format defines them. Region and range ends are exclusive.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use openclaim::report::Finding;
use openclaim::span::LineIndex;
use openclaim::Severity;

use super::output::license_facts;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The taxonomy of glossary models that results refer to.
pub const TAXONOMY: &str = "openclaim-glossary";
const OSAID: &str = "https://opensource.org/ai/open-source-ai-definition";

/// The rule a finding falls under.
pub fn rule_id(f: &Finding) -> &'static str {
    f.rule
}

fn rule(id: &str, name: &str, short: &str, full: &str, level: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "helpUri": OSAID,
        "help": {
            "text": format!("{full} Each result names the model's license and links the source of that fact. Fix the wording (the result carries a suggested replacement when one fits), or silence a sentence with <!-- openclaim-disable-line --> or a model in .openclaim.toml."),
        },
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["open-washing", "ai-models", "licensing"]},
    })
}

pub fn rules() -> Value {
    json!([
        rule(
            "OC001",
            "OpenSourceClaimRestrictedOrClosed",
            "An AI model called open source whose weights are not under an OSI-approved license, or not released",
            "The article calls a model open source in its own voice, but the model's weights are under a license that is not OSI-approved (restricted-weights) or are not released at all (closed).",
            "warning"
        ),
        rule(
            "OC002",
            "OpenSourceClaimOpenWeights",
            "An open-weights AI model called open source",
            "The article calls a model open source, but only its weights are under an OSI-approved license; its training data or code is not released, which the OSI Open Source AI Definition 1.0 requires.",
            "note"
        ),
        rule(
            "OC003",
            "AttributedOpenSourceClaim",
            "An open-source claim about an AI model, attributed to someone else",
            "The article reports someone else's claim that a model is open source (\"according to Meta\") and the license facts do not support it; say so, or add the facts.",
            "note"
        ),
    ])
}

/// A path as the user named it, made relative to `cwd` when it is below it,
/// with `/` separators; None for standard input.
pub fn relative(path: &str, cwd: &Path) -> Option<PathBuf> {
    if path == "<stdin>" {
        return None;
    }
    let p = Path::new(path);
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    Some(match abs.strip_prefix(cwd) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => abs,
    })
}

fn slashes(p: &Path) -> String {
    p.components()
        .filter_map(|c| match c {
            std::path::Component::RootDir => Some(String::new()),
            std::path::Component::CurDir => None,
            other => Some(other.as_os_str().to_string_lossy().into_owned()),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Percent-encodes everything but RFC 3986 unreserved characters and `/`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `file:///…/` for a directory.
pub fn dir_uri(dir: &Path) -> String {
    let mut s = encode(&slashes(dir));
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    if !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{s}")
}

/// The artifact location of a report path.
pub fn artifact(path: &str, cwd: &Path) -> Value {
    match relative(path, cwd) {
        None => json!({"uri": "stdin"}),
        Some(p) if p.is_absolute() => json!({"uri": format!("file://{}", encode(&slashes(&p)))}),
        Some(p) => json!({"uri": encode(&slashes(&p)), "uriBaseId": "%SRCROOT%"}),
    }
}

/// The message: what is wrong, the correction and the license facts.
pub fn message(f: &Finding) -> String {
    let mut m = format!(
        "'{}' claim about {} ({}): {} {}.",
        f.term,
        f.model.canonical,
        f.status.as_str(),
        f.correction.trim_end(),
        license_facts(f)
    );
    if let Some(by) = &f.attributed_to {
        m.push_str(&format!(" The claim is attributed to {by}."));
    }
    m.replace('\n', " ")
}

/// The replacement for a fix: the byte range it replaces and the text, when
/// the term is plain text (no Markdown markup inside it).
fn fix(f: &Finding, src: &str) -> Option<(usize, usize, String)> {
    let r = f.replacement.as_ref()?;
    let end = f.replace_end.unwrap_or(f.end);
    let term = src.get(f.start..end)?;
    if term.chars().any(|c| "*_`[]<>\\!".contains(c)) {
        return None;
    }
    Some((f.start, end, r.clone()))
}

/// 1-based line and exclusive end column in code points.
fn region(idx: &LineIndex, src: &str, start: usize, end: usize) -> Value {
    let a = idx.position(src, start);
    let b = idx.position(src, end);
    json!({
        "startLine": a.line,
        "startColumn": a.column,
        "endLine": b.line,
        "endColumn": b.column,
    })
}

/// The taxon id of a finding's model: the glossary id, and the article
/// date when the facts were chosen for one (the source may differ).
pub fn taxon_id(f: &Finding) -> String {
    match &f.facts_date {
        Some(d) => format!("{}@{d}", f.model.id),
        None => f.model.id.clone(),
    }
}

/// The taxon for a finding's model: its facts, with the source as help.
pub fn taxon(f: &Finding) -> Value {
    json!({
        "id": taxon_id(f),
        "name": f.model.canonical,
        "shortDescription": {"text": format!("{}: {}", f.model.canonical, f.status.as_str())},
        "fullDescription": {"text": format!(
            "{} is {}; {}.",
            f.model.canonical,
            f.status.as_str(),
            license_facts(f)
        )},
        "helpUri": f.source,
    })
}

/// One SARIF result.
pub fn result(f: &Finding, path: &str, src: Option<&str>, cwd: &Path) -> Value {
    let location = artifact(path, cwd);
    let reg = match src {
        Some(src) => region(&LineIndex::new(src), src, f.start, f.end),
        None => json!({"startLine": f.line, "startColumn": f.column}),
    };
    let mut r = json!({
        "ruleId": rule_id(f),
        "ruleIndex": match rule_id(f) { "OC001" => 0, "OC002" => 1, _ => 2 },
        "level": match f.severity { Severity::Warning => "warning", Severity::Note => "note" },
        "message": {
            "text": message(f),
            "markdown": format!(
                "'{}' claim about **{}** ({}): {} License: {}. [Source]({}) (as of {}).",
                f.term,
                f.model.canonical,
                f.status.as_str(),
                f.correction.trim_end().replace('\n', " "),
                f.license.name,
                f.source,
                f.as_of
            ),
        },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location.clone(),
                "region": reg,
            }
        }],
        "taxa": [{"id": taxon_id(f), "toolComponent": {"name": TAXONOMY}}],
        "properties": {
            "model": f.model.canonical,
            "modelId": f.model.id,
            "status": f.status.as_str(),
            "voice": f.voice,
            "license": f.license.name,
            "spdx": f.license.spdx,
            "osiApproved": f.license.osi_approved,
            "source": f.source,
            "asOf": f.as_of,
        },
    });
    if let Some(src) = src {
        if let Some((start, end, text)) = fix(f, src) {
            let idx = LineIndex::new(src);
            r["fixes"] = json!([{
                "description": {"text": format!("Replace '{}' with '{}'", f.term, text.trim())},
                "artifactChanges": [{
                    "artifactLocation": location,
                    "replacements": [{
                        "deletedRegion": region(&idx, src, start, end),
                        "insertedContent": {"text": text},
                    }],
                }],
            }]);
        }
    }
    r
}

/// The start of the SARIF log, up to and including `"results":[`.
pub fn open(cwd: &Path) -> String {
    let run = json!({
        "tool": {"driver": {
            "name": "openclaim",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": OSAID,
            "rules": rules(),
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": dir_uri(cwd)}},
        "columnKind": "unicodeCodePoints",
    });
    let run = serde_json::to_string(&run).unwrap_or_else(|_| "{}".into());
    // Reopen the run object for its results.
    let run = run.strip_suffix('}').unwrap_or(&run);
    let comma = if run.len() > 1 { "," } else { "" };
    format!(
        "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{run}{comma}\"results\":[",
        Value::String(SCHEMA_URI.into())
    )
}

/// The end of the log: the results array closed, the glossary taxonomy
/// with the `taxa` of the results, and the invocation with a notification
/// for every file that could not be checked.
pub fn close(taxa: &[Value], errors: &[String]) -> String {
    let notes: Vec<Value> = errors
        .iter()
        .map(|e| json!({"level": "error", "message": {"text": e}}))
        .collect();
    let inv = json!([{
        "executionSuccessful": errors.is_empty(),
        "toolExecutionNotifications": notes,
    }]);
    let taxonomies = json!([{
        "name": TAXONOMY,
        "fullName": "openclaim license glossary",
        "shortDescription": {"text": "The AI models of the openclaim glossary, with the license facts behind each verdict and their sources."},
        "taxa": taxa,
    }]);
    format!("\n],\"taxonomies\":{taxonomies},\"invocations\":{inv}}}]}}\n")
}

/// One reviewdog diagnostic per finding, each a line.
pub fn rdjson_lines(f: &Finding, path: &str, src: Option<&str>, cwd: &Path) -> String {
    let path = match relative(path, cwd) {
        Some(p) => slashes(&p),
        None => path.to_string(),
    };
    let pos = |idx: &LineIndex, src: &str, at: usize| {
        let line = idx.position(src, at).line;
        let start = idx.line_range(src, line).map(|r| r.start).unwrap_or(0);
        json!({"line": line, "column": at.saturating_sub(start) + 1})
    };
    let (range, suggestion) = match src {
        Some(src) => {
            let idx = LineIndex::new(src);
            let range = json!({"start": pos(&idx, src, f.start), "end": pos(&idx, src, f.end)});
            let suggestion = fix(f, src).map(|(s, e, text)| {
                json!({"range": {"start": pos(&idx, src, s), "end": pos(&idx, src, e)}, "text": text})
            });
            (range, suggestion)
        }
        None => (json!({"start": {"line": f.line}}), None),
    };
    let mut d = json!({
        "message": message(f),
        "location": {"path": path, "range": range},
        "severity": match f.severity { Severity::Warning => "WARNING", Severity::Note => "INFO" },
        "source": {"name": "openclaim"},
        "code": {"value": rule_id(f), "url": f.source},
    });
    if let Some(s) = suggestion {
        d["suggestions"] = json!([s]);
    }
    let mut line = serde_json::to_string(&d).unwrap_or_default();
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_uris() {
        let cwd = Path::new("/work/repo");
        assert_eq!(
            artifact("/work/repo/docs/a b.md", cwd),
            json!({"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact("/elsewhere/x.md", cwd),
            json!({"uri": "file:///elsewhere/x.md"})
        );
        assert_eq!(dir_uri(cwd), "file:///work/repo/");
        assert_eq!(encode("één.md"), "%C3%A9%C3%A9n.md");
    }

    #[test]
    fn the_log_is_valid_json_with_and_without_results() {
        let cwd = Path::new("/w");
        let empty = format!("{}{}", open(cwd), close(&[], &[]));
        let v: Value = serde_json::from_str(&empty).expect("json");
        assert_eq!(v["runs"][0]["results"], json!([]));
        let failed = format!("{}\n{{}}{}", open(cwd), close(&[], &["x: binary".into()]));
        let v: Value = serde_json::from_str(&failed).expect("json");
        assert_eq!(
            v["runs"][0]["invocations"][0]["executionSuccessful"],
            json!(false)
        );
    }
}
