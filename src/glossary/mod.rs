//! The license glossary: licenses, models, and the facts in force on a date.
//!
//! Status is derived from facts by one rule ([`derive_status`]), never typed
//! in, so a corrected fact can never leave a stale verdict behind.

mod load;
mod member;
mod resolve;
mod schema;
mod sources;
mod validate;

pub use member::{range_phrase, version_tail};
pub use resolve::Resolution;
pub use sources::source_problem;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::date::Date;
pub use crate::error::{DataError, GlossaryErrors};
use crate::text::fast_hash::FxHashMap;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_glossary.rs"));
}

/// How open a model is, most open first (the order is used to pick a
/// family's best case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Openness {
    OpenSource,
    OpenWeights,
    RestrictedWeights,
    Closed,
}

impl Openness {
    pub fn as_str(self) -> &'static str {
        match self {
            Openness::OpenSource => "open-source",
            Openness::OpenWeights => "open-weights",
            Openness::RestrictedWeights => "restricted-weights",
            Openness::Closed => "closed",
        }
    }
}

/// Whether the weights can be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Released {
    Yes,
    Gated,
    No,
    /// Published once and taken down: the license still decides the status.
    Withdrawn,
}

/// How much of a component (training data, training code) is released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Yes,
    Partial,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Commercial {
    Yes,
    No,
    Restricted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Model,
    Family,
}

/// Where an entry was defined, so every fact can be traced to a file line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct License {
    pub id: String,
    pub name: String,
    pub url: String,
    pub osi_approved: bool,
    pub commercial_use: Commercial,
    pub restrictions_en: String,
    pub restrictions_nl: String,
    pub origin: Origin,
}

impl License {
    /// The SPDX id, or None for `LicenseRef-` ids that SPDX does not list.
    pub fn spdx(&self) -> Option<&str> {
        (!self.id.starts_with("LicenseRef-")).then_some(self.id.as_str())
    }
}

/// A developer and the URL prefixes of its own sites and organisations.
#[derive(Debug, Clone, Serialize)]
pub struct Developer {
    pub name: String,
    pub official: Vec<String>,
    pub origin: Origin,
}

/// Context a name that is also a word needs before it counts as the model
/// (see `crate::detect::guard`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Guard {
    /// Text right after the name that makes it something else ("-line",
    /// " & Conquer", " it:").
    pub not_followed_by: Vec<String>,
    /// Text right before the name that makes it something else.
    pub not_preceded_by: Vec<String>,
    /// The name is also a first name: an apposition that describes a person
    /// ("Yi, a Chinese AI researcher, …") is not the model.
    pub person: bool,
    /// A claim term tied to the bare name in its sentence ("Llama is open
    /// source", "DeepSeek's open-source model") is evidence enough.
    pub claim_ties: bool,
}

/// Facts that held before a date.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub until: Date,
    pub license: String,
    pub weights: Option<Released>,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub id: String,
    pub canonical: String,
    pub kind: Kind,
    pub family: Option<String>,
    pub developer: String,
    pub released: Option<String>,
    pub aliases: Vec<String>,
    pub ambiguous: Vec<String>,
    pub license: String,
    pub weights: Released,
    pub data: Level,
    pub code: Level,
    pub source: String,
    /// The day these facts were last read at `source`: how old a fact is,
    /// not when the entry was edited, and not a date until which it holds.
    pub as_of: Date,
    pub note: Option<String>,
    pub history: Vec<HistoryEntry>,
    pub guard: Guard,
    pub origin: Origin,
}

impl Model {
    /// The release date (`YYYY-MM` counts from the first of the month).
    pub fn released_on(&self) -> Option<Date> {
        self.released.as_deref().and_then(Date::parse)
    }

    /// True when the article date `on` is before the model existed.
    pub fn unreleased_on(&self, on: Option<Date>) -> bool {
        matches!((on, self.released_on()), (Some(d), Some(r)) if d < r)
    }

    pub fn is_family(&self) -> bool {
        self.kind == Kind::Family
    }

    /// True when `alias` (as listed) needs context before a match counts.
    pub fn is_ambiguous(&self, alias: &str) -> bool {
        self.ambiguous.iter().any(|a| a.eq_ignore_ascii_case(alias))
    }
}

/// The facts that decide a verdict, as they stood on a date.
#[derive(Debug, Clone)]
pub struct Facts<'g> {
    pub license: Option<&'g License>,
    pub weights: Released,
    pub data: Level,
    pub code: Level,
    pub status: Openness,
    pub source: &'g str,
    pub as_of: Date,
    /// The article date the facts were chosen for, if any.
    pub on: Option<Date>,
    /// Set for family entries: the license depends on the version.
    pub varies: bool,
    /// Set when the article date is before the model's release: nothing
    /// about it can be judged on facts that came later.
    pub unreleased: bool,
    /// For a family: the least and most open status of the members
    /// released by the date.
    pub range: Option<(Openness, Openness)>,
    /// Set when the name as written is a version of this family that the
    /// glossary does not list: no member's license is known to be its own.
    pub unlisted: bool,
}

/// The single status rule (docs/glossary.md): closed without weights;
/// open source with an OSI license plus released data and code; open
/// weights with an OSI license; otherwise restricted.
pub fn derive_status(osi_approved: bool, weights: Released, data: Level, code: Level) -> Openness {
    if weights == Released::No {
        Openness::Closed
    } else if osi_approved && data == Level::Yes && code == Level::Yes {
        Openness::OpenSource
    } else if osi_approved {
        Openness::OpenWeights
    } else {
        Openness::RestrictedWeights
    }
}

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    licenses: Vec<License>,
    models: Vec<Model>,
    developers: Vec<Developer>,
    license_index: FxHashMap<String, usize>,
    model_index: FxHashMap<String, usize>,
    alias_index: FxHashMap<String, usize>,
}

static EMBEDDED: LazyLock<Glossary> = LazyLock::new(|| {
    let files: Vec<(String, String)> = embedded::FILES
        .iter()
        .map(|(name, text)| (format!("glossary/{name}"), text.to_string()))
        .collect();
    match Glossary::from_files(&files) {
        Ok(g) => g,
        // The embedded data is validated by the test suite; reaching this is a build defect.
        Err(e) => panic!("the embedded glossary is invalid:\n{e}"),
    }
});

impl Glossary {
    /// The glossary compiled into the binary.
    pub fn embedded() -> &'static Glossary {
        &EMBEDDED
    }

    /// The embedded files as (name, text), for `glossary check` and tests.
    pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        embedded::FILES.iter().copied()
    }

    /// Parses and validates a set of (file name, TOML text) as one layer.
    pub fn from_files(files: &[(String, String)]) -> Result<Glossary, GlossaryErrors> {
        Glossary::default().with_layer(files)
    }

    /// Adds a layer on top of `self`: an entry whose `id` exists replaces it
    /// whole; new ids are added. The result is validated as a whole.
    pub fn with_layer(&self, files: &[(String, String)]) -> Result<Glossary, GlossaryErrors> {
        let layer = load::parse_layer(files)?;
        let (licenses, models) = (layer.licenses, layer.models);
        let mut next = self.clone();
        for dev in layer.developers {
            match next.developers.iter_mut().find(|d| d.name == dev.name) {
                Some(d) => *d = dev,
                None => next.developers.push(dev),
            }
        }
        for lic in licenses {
            match next.license_index.get(&lic.id) {
                Some(&i) => next.licenses[i] = lic,
                None => {
                    next.license_index
                        .insert(lic.id.clone(), next.licenses.len());
                    next.licenses.push(lic);
                }
            }
        }
        for model in models {
            match next.model_index.get(&model.id) {
                Some(&i) => next.models[i] = model,
                None => {
                    next.model_index.insert(model.id.clone(), next.models.len());
                    next.models.push(model);
                }
            }
        }
        validate::validate(&next).map_err(GlossaryErrors)?;
        next.alias_index = next
            .models
            .iter()
            .enumerate()
            .flat_map(|(i, m)| {
                m.aliases
                    .iter()
                    .chain(std::iter::once(&m.canonical))
                    .chain(std::iter::once(&m.id))
                    .map(move |a| (a.to_lowercase(), i))
            })
            .collect();
        Ok(next)
    }

    pub fn models(&self) -> &[Model] {
        &self.models
    }

    pub fn licenses(&self) -> &[License] {
        &self.licenses
    }

    pub fn developers(&self) -> &[Developer] {
        &self.developers
    }

    pub fn developer(&self, name: &str) -> Option<&Developer> {
        self.developers.iter().find(|d| d.name == name)
    }

    pub fn model(&self, id: &str) -> Option<&Model> {
        self.model_index.get(id).map(|&i| &self.models[i])
    }

    /// The position of entry `id` in [`Glossary::models`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.model_index.get(id).copied()
    }

    pub fn license(&self, id: &str) -> Option<&License> {
        self.license_index.get(id).map(|&i| &self.licenses[i])
    }

    /// Finds a model by id, canonical name or alias, ignoring case.
    pub fn find(&self, name: &str) -> Option<&Model> {
        self.model(name).or_else(|| {
            self.alias_index
                .get(&name.trim().to_lowercase())
                .map(|&i| &self.models[i])
        })
    }

    /// Members of a family entry.
    pub fn members<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Model> + 'a {
        self.models
            .iter()
            .filter(move |m| m.family.as_deref() == Some(family) && !m.is_family())
    }

    /// The facts about `model` in force on `on` (the current facts when
    /// `on` is None or later than every history entry).
    pub fn facts<'g>(&'g self, model: &'g Model, on: Option<Date>) -> Facts<'g> {
        if model.is_family() {
            // Only members that existed on the date count: a 2025 article is
            // not judged by a member released in 2026.
            let statuses: Vec<Facts<'g>> = self
                .members(&model.id)
                .filter(|m| !m.unreleased_on(on))
                .map(|m| self.facts(m, on))
                .collect();
            let range = statuses
                .iter()
                .map(|f| f.status)
                .min()
                .zip(statuses.iter().map(|f| f.status).max());
            let best = statuses.into_iter().min_by_key(|f| f.status);
            return match best {
                Some(f) => Facts {
                    license: None,
                    varies: true,
                    source: &model.source,
                    as_of: model.as_of,
                    unreleased: false,
                    range,
                    unlisted: false,
                    ..f
                },
                None => Facts {
                    license: None,
                    weights: model.weights,
                    data: model.data,
                    code: model.code,
                    status: Openness::RestrictedWeights,
                    source: &model.source,
                    as_of: model.as_of,
                    on,
                    varies: true,
                    unreleased: model.unreleased_on(on) || self.members(&model.id).next().is_some(),
                    range: None,
                    unlisted: false,
                },
            };
        }
        let past = on.and_then(|d| {
            model
                .history
                .iter()
                .filter(|h| d < h.until)
                .min_by_key(|h| h.until)
        });
        let (license_id, weights, source) = match past {
            Some(h) => (
                h.license.as_str(),
                h.weights.unwrap_or(model.weights),
                h.source.as_str(),
            ),
            None => (model.license.as_str(), model.weights, model.source.as_str()),
        };
        let license = self.license(license_id);
        let osi = license.is_some_and(|l| l.osi_approved);
        Facts {
            license,
            weights,
            data: model.data,
            code: model.code,
            status: derive_status(osi, weights, model.data, model.code),
            source,
            as_of: model.as_of,
            on,
            varies: false,
            unreleased: model.unreleased_on(on),
            range: None,
            unlisted: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_glossary_loads_and_validates() {
        let g = Glossary::embedded();
        assert!(g.models().len() >= 30, "{} models", g.models().len());
        assert!(g.find("llama 3.2").is_some());
    }

    #[test]
    fn status_rule() {
        use Level::*;
        assert_eq!(
            derive_status(true, Released::Yes, Yes, Yes),
            Openness::OpenSource
        );
        assert_eq!(
            derive_status(true, Released::Yes, Partial, Yes),
            Openness::OpenWeights
        );
        assert_eq!(
            derive_status(false, Released::Gated, Yes, Yes),
            Openness::RestrictedWeights
        );
        assert_eq!(derive_status(true, Released::No, No, No), Openness::Closed);
        assert_eq!(
            derive_status(true, Released::Withdrawn, No, No),
            Openness::OpenWeights
        );
    }
}
