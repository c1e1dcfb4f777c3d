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
    #[serde(default)]
    pub developer: Vec<Spanned<DeveloperRaw>>,
}

/// A developer and the addresses it publishes from: the only places a
/// model's `source` may point to (besides its license text).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeveloperRaw {
    pub name: String,
    pub official: Vec<String>,
}

/// Context rules for a name that is also a word, a person or a product.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct GuardRaw {
    #[serde(default)]
    pub not_followed_by: Vec<String>,
    #[serde(default)]
    pub not_preceded_by: Vec<String>,
    #[serde(default)]
    pub person: bool,
    #[serde(default)]
    pub claim_ties: bool,
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
    pub guard: Option<GuardRaw>,
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
