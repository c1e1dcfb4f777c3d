//! Corrections in the article's language, generated from glossary facts so
//! no model ever needs hand-written wording. The text avoids Markdown
//! punctuation because it is inserted into the article.

use crate::detect::ClaimForm;
use crate::glossary::{Facts, Model, Openness};
use crate::rules::{Attachment, Voice};
use crate::Lang;

/// The suggested wording for the term, and the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub replacement: Option<String>,
    pub comment: String,
}

fn license_phrase(facts: &Facts<'_>, lang: Lang) -> String {
    match facts.license {
        Some(l) => match lang {
            Lang::En => format!("the {} ({})", l.name, l.id),
            Lang::Nl => format!("de {} ({})", l.name, l.id),
        },
        None => match lang {
            Lang::En => "a license that depends on the version".into(),
            Lang::Nl => "een licentie die per versie verschilt".into(),
        },
    }
}

/// The replacement word for the claim term, fitted to how it is used.
fn replacement(
    status: Openness,
    form: &ClaimForm,
    attachment: Attachment,
    lang: Lang,
) -> Option<String> {
    let word = match (status, lang) {
        (Openness::OpenSource, _) => return None,
        (Openness::Closed, Lang::En) => "proprietary",
        (Openness::Closed, Lang::Nl) => "gesloten",
        (_, _) => "open-weights",
    };
    match form {
        ClaimForm::Verb => match (attachment, lang) {
            (Attachment::Object, Lang::En) if status != Openness::Closed => {
                Some("released the weights of".into())
            }
            _ => None,
        },
        // "open-sourcemodel" -> "gesloten model"; "open-sourcemodel" -> "open-weightsmodel"
        ClaimForm::Compound { .. } if status == Openness::Closed => Some(format!("{word} ")),
        ClaimForm::Ish => None,
        _ => Some(word.to_string()),
    }
}

pub fn correction(
    model: &Model,
    facts: &Facts<'_>,
    form: &ClaimForm,
    attachment: Attachment,
    voice: &Voice,
    lang: Lang,
) -> Correction {
    let name = &model.canonical;
    let lic = license_phrase(facts, lang);
    let mut comment = String::new();
    if let Voice::Attributed { by } = voice {
        comment.push_str(&match (lang, by.is_empty()) {
            (Lang::En, false) => format!("The claim is {by}'s. "),
            (Lang::Nl, false) => format!("Deze claim komt van {by}. "),
            (Lang::En, true) => "The claim is reported, not made by the author. ".to_string(),
            (Lang::Nl, true) => {
                "Deze claim wordt aangehaald, niet door de auteur gedaan. ".to_string()
            }
        });
    }
    let restrictions = facts.license.map(|l| match lang {
        Lang::En => l.restrictions_en.trim_end_matches('.').to_string(),
        Lang::Nl => l.restrictions_nl.trim_end_matches('.').to_string(),
    });
    comment.push_str(&match (facts.status, lang) {
        (Openness::Closed, Lang::En) => format!(
            "{name} is not open source: it is a closed model, offered only through {}'s products and API; its weights, training data and code are not released.",
            model.developer
        ),
        (Openness::Closed, Lang::Nl) => format!(
            "{name} is geen open source: het is een gesloten model, alleen beschikbaar via producten en API van {}; gewichten, trainingsdata en code zijn niet vrijgegeven.",
            model.developer
        ),
        (Openness::RestrictedWeights, Lang::En) => format!(
            "{name} is not open source: its weights are available under {lic}, which is not OSI-approved{}.",
            restrictions.map(|r| format!(" ({})", lower_first(&r))).unwrap_or_default()
        ),
        (Openness::RestrictedWeights, Lang::Nl) => format!(
            "{name} is geen open source: de gewichten zijn beschikbaar onder {lic}, die niet door OSI is goedgekeurd{}.",
            restrictions.map(|r| format!(" ({})", lower_first(&r))).unwrap_or_default()
        ),
        (Openness::OpenWeights, Lang::En) => format!(
            "{name} has open weights under {lic}, an OSI-approved license, but its training data is not released, so it is not open source under the OSI Open Source AI Definition."
        ),
        (Openness::OpenWeights, Lang::Nl) => format!(
            "{name} heeft open gewichten onder {lic}, een door OSI goedgekeurde licentie, maar de trainingsdata is niet vrijgegeven; volgens de Open Source AI Definition van OSI is het dus geen open source."
        ),
        (Openness::OpenSource, Lang::En) => format!("{name} is open source: weights, training data and code are released."),
        (Openness::OpenSource, Lang::Nl) => format!("{name} is open source: gewichten, trainingsdata en code zijn vrijgegeven."),
    });
    if facts.varies {
        comment.push_str(match lang {
            Lang::En => {
                " The license depends on the version; this is the most open version of the family."
            }
            Lang::Nl => {
                " De licentie verschilt per versie; dit is de meest open versie van de familie."
            }
        });
    }
    if let Some(on) = facts.on {
        comment.push_str(&match lang {
            Lang::En => format!(" Judged by the facts in force on {on}."),
            Lang::Nl => format!(" Beoordeeld naar de feiten van {on}."),
        });
    }
    let replacement = replacement(facts.status, form, attachment, lang);
    if let Some(r) = &replacement {
        comment.push_str(&match lang {
            Lang::En => format!(" Suggestion: {}.", r.trim()),
            Lang::Nl => format!(" Suggestie: {}.", r.trim()),
        });
    }
    Correction {
        replacement,
        comment,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("OSI") && c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    #[test]
    fn corrections_follow_the_facts_in_both_languages() {
        let g = Glossary::embedded();
        let m = g.find("Llama 3.2").expect("Llama 3.2 in the glossary");
        let f = g.facts(m, None);
        let form = ClaimForm::Attributive { head: None };
        let en = correction(m, &f, &form, Attachment::Modifier, &Voice::Author, Lang::En);
        assert_eq!(en.replacement.as_deref(), Some("open-weights"));
        assert!(
            en.comment.starts_with("Llama 3.2 is not open source"),
            "{}",
            en.comment
        );
        let nl = correction(m, &f, &form, Attachment::Modifier, &Voice::Author, Lang::Nl);
        assert!(
            nl.comment.starts_with("Llama 3.2 is geen open source"),
            "{}",
            nl.comment
        );
        let gpt = g.find("GPT-4o").expect("GPT-4o");
        let c = correction(
            gpt,
            &g.facts(gpt, None),
            &ClaimForm::Compound {
                head: "model".into(),
            },
            Attachment::Modifier,
            &Voice::Author,
            Lang::Nl,
        );
        assert_eq!(c.replacement.as_deref(), Some("gesloten "));
    }
}
