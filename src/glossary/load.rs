//! Parsing one layer of glossary files into entries, collecting every
//! problem with its file:line instead of stopping at the first.

use std::collections::HashMap;

use super::schema::{FileRaw, ModelRaw};
use super::{
    DataError, Developer, GlossaryErrors, Guard, HistoryEntry, Kind, Level, License, Model, Origin,
    Released,
};
use crate::date::Date;
use crate::span::LineIndex;

fn located(file: &str, text: &str, index: &LineIndex, offset: usize, message: String) -> DataError {
    let pos = index.position(text, offset);
    DataError {
        file: file.to_string(),
        line: pos.line,
        column: pos.column,
        message,
    }
}

/// One layer of files, parsed.
pub(crate) struct Layer {
    pub licenses: Vec<License>,
    pub models: Vec<Model>,
    pub developers: Vec<Developer>,
}

pub(crate) fn parse_layer(files: &[(String, String)]) -> Result<Layer, GlossaryErrors> {
    let mut errors = Vec::new();
    let mut developers: Vec<Developer> = Vec::new();
    let mut licenses = Vec::new();
    let mut models = Vec::new();
    let mut seen_license: HashMap<String, Origin> = HashMap::new();
    let mut seen_model: HashMap<String, Origin> = HashMap::new();
    for (file, text) in files {
        let index = LineIndex::new(text);
        let raw: FileRaw = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let offset = e.span().map(|s| s.start).unwrap_or(0);
                errors.push(located(file, text, &index, offset, e.message().to_string()));
                continue;
            }
        };
        for spanned in raw.developer {
            let offset = spanned.span().start;
            let origin = Origin {
                file: file.clone(),
                line: index.position(text, offset).line,
            };
            let d = spanned.into_inner();
            if let Some(prev) = developers.iter().find(|p| p.name == d.name) {
                errors.push(located(
                    file,
                    text,
                    &index,
                    offset,
                    format!(
                        "developer '{}' is defined twice (also at {}:{})",
                        d.name, prev.origin.file, prev.origin.line
                    ),
                ));
            }
            developers.push(Developer {
                name: d.name,
                official: d.official,
                origin,
            });
        }
        for spanned in raw.license {
            let offset = spanned.span().start;
            let origin = Origin {
                file: file.clone(),
                line: index.position(text, offset).line,
            };
            let l = spanned.into_inner();
            if let Some(prev) = seen_license.insert(l.id.clone(), origin.clone()) {
                errors.push(located(
                    file,
                    text,
                    &index,
                    offset,
                    format!(
                        "license '{}' is defined twice (also at {}:{})",
                        l.id, prev.file, prev.line
                    ),
                ));
            }
            licenses.push(License {
                id: l.id,
                name: l.name,
                url: l.url,
                osi_approved: l.osi_approved,
                commercial_use: l.commercial_use,
                restrictions_en: l.restrictions.en,
                restrictions_nl: l.restrictions.nl,
                origin,
            });
        }
        for spanned in raw.model {
            let offset = spanned.span().start;
            let origin = Origin {
                file: file.clone(),
                line: index.position(text, offset).line,
            };
            let m = spanned.into_inner();
            if let Some(prev) = seen_model.insert(m.id.clone(), origin.clone()) {
                errors.push(located(
                    file,
                    text,
                    &index,
                    offset,
                    format!(
                        "model '{}' is defined twice (also at {}:{})",
                        m.id, prev.file, prev.line
                    ),
                ));
            }
            match convert_model(m, origin) {
                Ok(model) => models.push(model),
                Err(msg) => errors.push(located(file, text, &index, offset, msg)),
            }
        }
    }
    if errors.is_empty() {
        Ok(Layer {
            licenses,
            models,
            developers,
        })
    } else {
        Err(GlossaryErrors(errors))
    }
}

fn convert_model(m: ModelRaw, origin: Origin) -> Result<Model, String> {
    let as_of = Date::parse(&m.as_of).ok_or_else(|| {
        format!(
            "model '{}': as_of '{}' is not a YYYY-MM-DD date",
            m.id, m.as_of
        )
    })?;
    if let Some(r) = &m.released {
        if Date::parse(r).is_none() {
            return Err(format!(
                "model '{}': released '{r}' is not a YYYY-MM-DD or YYYY-MM date",
                m.id
            ));
        }
    }
    let family_defaults = m.kind == Kind::Family;
    let need = |what: &str| {
        format!(
            "model '{}': missing '{what}' (required for a model entry)",
            m.id
        )
    };
    let weights = match m.weights {
        Some(w) => w,
        None if family_defaults => Released::Yes,
        None => return Err(need("weights")),
    };
    let data = match m.data {
        Some(d) => d,
        None if family_defaults => Level::No,
        None => return Err(need("data")),
    };
    let code = match m.code {
        Some(c) => c,
        None if family_defaults => Level::No,
        None => return Err(need("code")),
    };
    let mut history = Vec::with_capacity(m.history.len());
    for h in m.history {
        let until = Date::parse(&h.until).ok_or_else(|| {
            format!(
                "model '{}': history 'until' '{}' is not a YYYY-MM-DD date",
                m.id, h.until
            )
        })?;
        history.push(HistoryEntry {
            until,
            license: h.license,
            weights: h.weights,
            source: h.source,
            note: h.note,
        });
    }
    history.sort_by_key(|h| h.until);
    Ok(Model {
        id: m.id,
        canonical: m.canonical,
        kind: m.kind,
        family: m.family,
        developer: m.developer,
        released: m.released,
        aliases: m.aliases,
        ambiguous: m.ambiguous,
        license: m.license,
        weights,
        data,
        code,
        source: m.source,
        as_of,
        note: m.note,
        history,
        guard: m
            .guard
            .map(|g| Guard {
                not_followed_by: g.not_followed_by,
                not_preceded_by: g.not_preceded_by,
                person: g.person,
                claim_ties: g.claim_ties,
            })
            .unwrap_or_default(),
        origin,
    })
}
