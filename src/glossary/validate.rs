//! Whole-glossary checks that no single file can make: references between
//! entries, alias clashes, and facts every entry must carry.

use std::collections::HashMap;

use super::sources::source_problem;
use super::{DataError, Glossary, Kind};

fn err(origin: &super::Origin, message: String) -> DataError {
    DataError {
        file: origin.file.clone(),
        line: origin.line,
        column: 1,
        message,
    }
}

/// Folds case and the separators the press varies ("Llama-3.2", "Llama 3.2",
/// "llama_3.2"), so two aliases that would match the same text collide here.
pub(crate) fn alias_key(alias: &str) -> String {
    alias
        .chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '-' | '_' | '\u{a0}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}'
            )
        })
        .flat_map(char::to_lowercase)
        .collect()
}

pub(crate) fn validate(g: &Glossary) -> Result<(), Vec<DataError>> {
    let mut errors = Vec::new();
    for l in &g.licenses {
        if l.name.trim().is_empty() || l.url.trim().is_empty() {
            errors.push(err(
                &l.origin,
                format!("license '{}': name and url must not be empty", l.id),
            ));
        }
        if let Some(why) = source_problem(&l.url, None, &[l.url.as_str()]) {
            errors.push(err(&l.origin, format!("license '{}': url {why}", l.id)));
        }
    }
    let mut owners: HashMap<String, (&str, &str)> = HashMap::new();
    for m in &g.models {
        if m.source.trim().is_empty() || !m.source.starts_with("http") {
            errors.push(err(
                &m.origin,
                format!("model '{}': 'source' must be a URL", m.id),
            ));
        }
        let developer = g.developer(&m.developer);
        let license_urls: Vec<&str> = std::iter::once(m.license.as_str())
            .chain(m.history.iter().map(|h| h.license.as_str()))
            .filter_map(|id| g.license(id))
            .map(|l| l.url.as_str())
            .collect();
        for (what, url) in std::iter::once(("source", m.source.as_str())).chain(
            m.history
                .iter()
                .map(|h| ("history source", h.source.as_str())),
        ) {
            if let Some(why) = source_problem(url, developer, &license_urls) {
                errors.push(err(&m.origin, format!("model '{}': {what} {why}", m.id)));
            }
        }
        if m.aliases.is_empty() {
            errors.push(err(&m.origin, format!("model '{}': no aliases", m.id)));
        }
        match m.kind {
            Kind::Family => {
                if m.license != "varies" && g.license(&m.license).is_none() {
                    errors.push(err(
                        &m.origin,
                        format!("model '{}': unknown license '{}'", m.id, m.license),
                    ));
                }
            }
            Kind::Model => {
                if g.license(&m.license).is_none() {
                    errors.push(err(
                        &m.origin,
                        format!("model '{}': unknown license '{}'", m.id, m.license),
                    ));
                }
            }
        }
        if let Some(f) = &m.family {
            match g.model(f) {
                Some(fam) if fam.kind == Kind::Family => {}
                Some(_) => errors.push(err(
                    &m.origin,
                    format!("model '{}': family '{f}' is not a family entry", m.id),
                )),
                None => errors.push(err(
                    &m.origin,
                    format!("model '{}': unknown family '{f}'", m.id),
                )),
            }
        }
        for h in &m.history {
            if g.license(&h.license).is_none() {
                errors.push(err(
                    &m.origin,
                    format!(
                        "model '{}': history names unknown license '{}'",
                        m.id, h.license
                    ),
                ));
            }
            if h.source.trim().is_empty() {
                errors.push(err(
                    &m.origin,
                    format!(
                        "model '{}': history entry until {} has no source",
                        m.id, h.until
                    ),
                ));
            }
        }
        for a in &m.ambiguous {
            if !m.aliases.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                errors.push(err(
                    &m.origin,
                    format!(
                        "model '{}': ambiguous '{a}' is not one of its aliases",
                        m.id
                    ),
                ));
            }
        }
        for a in &m.aliases {
            if a.trim().is_empty() {
                errors.push(err(&m.origin, format!("model '{}': empty alias", m.id)));
                continue;
            }
            if let Some((other, other_alias)) = owners.insert(alias_key(a), (&m.id, a)) {
                if other != m.id {
                    let what = if other_alias.eq_ignore_ascii_case(a) {
                        format!("alias '{a}' is claimed by both '{other}' and '{}'", m.id)
                    } else {
                        format!(
                            "alias '{a}' of '{}' would shadow '{other_alias}' of '{other}' (they match the same text)",
                            m.id
                        )
                    };
                    errors.push(err(&m.origin, what));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
