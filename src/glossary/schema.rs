//! The TOML shapes as written by people. Unknown keys are errors, so a typo
//! in a glossary never silently drops a fact.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileRaw {
    #[serde(default)]
    pub license: Vec<Spanned<LicenseRaw>>,
    #[serde(default)]
    pub model: Vec<Spanned<ModelRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LicenseRaw {
    pub id: String,
    pub name: String,
    pub url: String,
    pub osi_approved: bool,
    pub commercial_use: super::Commercial,
    pub restrictions: LocalizedRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LocalizedRaw {
    pub en: String,
    pub nl: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ModelRaw {
    pub id: String,
    pub canonical: String,
    #[serde(default)]
    pub kind: super::Kind,
    pub family: Option<String>,
    pub developer: String,
    pub released: Option<String>,
    pub aliases: Vec<String>,
    #[serde(default)]
    pub ambiguous: Vec<String>,
    pub license: String,
    pub weights: Option<super::Released>,
    pub data: Option<super::Level>,
    pub code: Option<super::Level>,
    pub source: String,
    pub as_of: String,
    pub note: Option<String>,
    #[serde(default)]
    pub history: Vec<HistoryRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HistoryRaw {
    pub until: String,
    pub license: String,
    pub weights: Option<super::Released>,
    pub source: String,
    pub note: Option<String>,
}
