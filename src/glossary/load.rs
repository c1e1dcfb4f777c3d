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

/// Where a table starts in a file: its origin, and the place its errors point to.
struct At<'a> {
    file: &'a str,
    text: &'a str,
    index: &'a LineIndex,
    offset: usize,
}

impl<'a> At<'a> {
    fn new(file: &'a str, text: &'a str, index: &'a LineIndex, offset: usize) -> Self {
        At {
            file,
            text,
            index,
            offset,
        }
    }

    fn error(&self, message: String) -> DataError {
        located(self.file, self.text, self.index, self.offset, message)
    }

    /// The table's origin, recorded under `id`; a second table with the same
    /// id in one layer is an error that names both places, since the later
    /// one would silently win.
    fn first_definition(
        &self,
        seen: &mut HashMap<String, Origin>,
        kind: &str,
        id: &str,
        errors: &mut Vec<DataError>,
    ) -> Origin {
        let origin = Origin {
            file: self.file.to_string(),
            line: self.index.position(self.text, self.offset).line,
        };
        if let Some(prev) = seen.insert(id.to_string(), origin.clone()) {
            errors.push(self.error(format!(
                "{kind} '{id}' is defined twice (also at {}:{})",
                prev.file, prev.line
            )));
        }
        origin
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
    let mut seen_developer: HashMap<String, Origin> = HashMap::new();
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
            let at = At::new(file, text, &index, spanned.span().start);
            let d = spanned.into_inner();
            let origin =
                at.first_definition(&mut seen_developer, "developer", &d.name, &mut errors);
            developers.push(Developer {
                name: d.name,
                official: d.official,
                origin,
            });
        }
        for spanned in raw.license {
            let at = At::new(file, text, &index, spanned.span().start);
            let l = spanned.into_inner();
            let origin = at.first_definition(&mut seen_license, "license", &l.id, &mut errors);
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
            let at = At::new(file, text, &index, spanned.span().start);
            let m = spanned.into_inner();
            let origin = at.first_definition(&mut seen_model, "model", &m.id, &mut errors);
            match convert_model(m, origin) {
                Ok(model) => models.push(model),
                Err(msg) => errors.push(at.error(msg)),
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

/// A fact a model entry must state; a family entry, whose facts come from
/// its members, may leave it out and gets `family_default`.
fn required<T>(
    value: Option<T>,
    family: bool,
    family_default: T,
    id: &str,
    what: &str,
) -> Result<T, String> {
    match value {
        Some(v) => Ok(v),
        None if family => Ok(family_default),
        None => Err(format!(
            "model '{id}': missing '{what}' (required for a model entry)"
        )),
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
    let family = m.kind == Kind::Family;
    let weights = required(m.weights, family, Released::Yes, &m.id, "weights")?;
    let data = required(m.data, family, Level::No, &m.id, "data")?;
    let code = required(m.code, family, Level::No, &m.id, "code")?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(files: &[(&str, &str)]) -> Vec<String> {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        match parse_layer(&files) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(|d| d.to_string()).collect(),
        }
    }

    const ENTRIES: &str = "[[developer]]\nname = \"Acme\"\nofficial = [\"https://acme.example/\"]\n\n\
        [[license]]\nid = \"MIT\"\nname = \"MIT License\"\nurl = \"https://opensource.org/license/mit\"\n\
        osi_approved = true\ncommercial_use = \"yes\"\nrestrictions = { en = \"None.\", nl = \"Geen.\" }\n\n\
        [[model]]\nid = \"acme-7b\"\ncanonical = \"Acme 7B\"\ndeveloper = \"Acme\"\naliases = []\n\
        license = \"MIT\"\nweights = \"yes\"\ndata = \"no\"\ncode = \"no\"\n\
        source = \"https://acme.example/\"\nas_of = \"2026-12-01\"\n";

    #[test]
    fn every_kind_of_table_defined_twice_names_both_places() {
        let got = errors(&[("a.toml", ENTRIES), ("b.toml", ENTRIES)]);
        assert_eq!(got.len(), 3, "{got:?}");
        for (kind, id, line) in [
            ("developer", "Acme", 1),
            ("license", "MIT", 5),
            ("model", "acme-7b", 13),
        ] {
            let want = format!("{kind} '{id}' is defined twice (also at a.toml:{line})");
            assert!(
                got.iter()
                    .any(|e| e.starts_with(&format!("b.toml:{line}:")) && e.contains(&want)),
                "{want}: {got:?}"
            );
        }
    }

    #[test]
    fn a_model_needs_its_facts_and_a_family_does_not() {
        let model = ENTRIES.replace("weights = \"yes\"\n", "");
        let got = errors(&[("a.toml", &model)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].contains("model 'acme-7b': missing 'weights' (required for a model entry)"),
            "{got:?}"
        );
        let family = model
            .replace("data = \"no\"\n", "")
            .replace("[[model]]\n", "[[model]]\nkind = \"family\"\n");
        assert_eq!(errors(&[("a.toml", &family)]), Vec::<String>::new());
    }
}
