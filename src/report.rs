//! The report shapes other tools read. Keys named in the JSON contract are
//! never renamed; new keys are added and the schema version is raised.
//! The JSON Schema is `schema/report.schema.json`.

use serde::Serialize;

use crate::glossary::Openness;
use crate::rules::{Attachment, Polarity};
use crate::verdict::Severity;
use crate::Lang;

/// Identifies the report format; bump on incompatible changes.
pub const SCHEMA: &str = "openclaim-report/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelRef {
    /// The name as written in the article.
    pub text: String,
    pub canonical: String,
    /// The glossary id.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LicenseRef {
    pub name: String,
    /// SPDX id, or a LicenseRef- id where SPDX has none; null when the license varies by version.
    pub spdx: Option<String>,
    pub osi_approved: Option<bool>,
}

/// One claim about one model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable for the same claim at the same place; the API takes these ids
    /// back as `dismissed`.
    pub id: String,
    /// The rule code, as in SARIF: OC001, OC002 or OC003.
    pub rule: &'static str,
    pub severity: Severity,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Byte offsets of the claim term in the file.
    pub start: usize,
    pub end: usize,
    pub term: String,
    pub model: ModelRef,
    pub status: Openness,
    pub polarity: Polarity,
    /// "author" or "attributed".
    pub voice: &'static str,
    /// Who the claim is attributed to, when it is.
    pub attributed_to: Option<String>,
    pub sentence: String,
    /// The explanation, in the article's language.
    pub correction: String,
    /// Wording that may replace the term, when one fits.
    pub replacement: Option<String>,
    /// Where the text `replacement` takes the place of ends (it starts at
    /// `start`): past `end` when a Dutch compound is rewritten whole.
    pub replace_end: Option<usize>,
    pub license: LicenseRef,
    /// Where the glossary fact comes from.
    pub source: String,
    /// When the fact was read at the source.
    pub as_of: String,
    /// The article date the facts were chosen for (front matter or --as-of), if any.
    pub facts_date: Option<String>,
    /// Set when the name as written is a version of the family that the
    /// glossary does not list: its license is unknown, and these are the
    /// least and most open status of the family's members (`status` is the
    /// most open). Absent otherwise, so other reports are unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_range: Option<(Openness, Openness)>,
    /// How the term was tied to the model.
    pub attachment: Attachment,
    /// Why the claim was judged as it was (rule explanations).
    pub reasons: Vec<String>,
}

/// A claim term that produced no finding for a model, and why (`--explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dismissed {
    pub line: usize,
    pub column: usize,
    pub term: String,
    /// The model as written, if the term was near one.
    pub model: Option<String>,
    pub reason: String,
}

/// The result for one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReport {
    pub path: String,
    pub lang: Option<Lang>,
    pub error: Option<String>,
    pub findings: Vec<Finding>,
    /// Findings silenced by `<!-- openclaim-disable … -->` comments (listed under `dismissed` with `--explain`).
    #[serde(default)]
    pub suppressed: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismissed: Option<Vec<Dismissed>>,
}

/// A file's report as written to JSON and JSONL: the report, plus
/// `"truncated": true` when its findings stopped at the per-file cap
/// (`--max-findings`, [`crate::Options::max_findings`]). The key is absent
/// otherwise, so reports of ordinary files are unchanged.
#[derive(Debug, Clone, Serialize)]
pub struct FileOutput<'a> {
    #[serde(flatten)]
    pub report: &'a FileReport,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub schema: &'static str,
    pub version: &'static str,
    pub files: &'a [FileReport],
}

impl<'a> Report<'a> {
    pub fn new(files: &'a [FileReport]) -> Self {
        Report {
            schema: SCHEMA,
            version: env!("CARGO_PKG_VERSION"),
            files,
        }
    }
}
