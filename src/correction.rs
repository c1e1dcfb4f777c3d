//! Corrections in the article's language, generated from glossary facts so
//! no model ever needs hand-written wording. The text avoids Markdown
//! punctuation because it is inserted into the article.

mod quotation;
mod unlisted;
mod wording;

pub use quotation::{inside_quotation, QuoteScan};
pub use wording::{wording, Cover, Usage, Wording};

use crate::detect::ClaimForm;
use crate::glossary::{Facts, Model, Openness};
use crate::rules::{Attachment, Voice};
use crate::Lang;

/// The suggested wording for the term, and the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub replacement: Option<String>,
    /// What the replacement takes the place of.
    pub cover: Cover,
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

pub fn correction(
    model: &Model,
    facts: &Facts<'_>,
    form: &ClaimForm,
    attachment: Attachment,
    voice: &Voice,
    usage: &Usage,
    lang: Lang,
) -> Correction {
    let name = &model.canonical;
    let lic = license_phrase(facts, lang);
    let mut comment = String::new();
    if usage.quoted {
        comment.push_str(match lang {
            Lang::En => "In a quotation: keep the speaker's words and give the facts beside them. ",
            Lang::Nl => {
                "In een citaat: laat de woorden van de spreker staan en geef de feiten erbij. "
            }
        });
    }
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
    if let (true, Some(range)) = (facts.unlisted, facts.range) {
        comment.push_str(&unlisted::unlisted_note(name, range, lang));
        if let Some(on) = facts.on {
            comment.push_str(&judged_on(on, lang));
        }
        return Correction {
            replacement: None,
            cover: Cover::default(),
            comment,
        };
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
        comment.push_str(&judged_on(on, lang));
    }
    let fitted = wording(facts.status, form, attachment, usage, lang);
    match &fitted {
        Some(w) => comment.push_str(&match lang {
            Lang::En => format!(" Suggestion: {}.", w.text),
            Lang::Nl => format!(" Suggestie: {}.", w.text),
        }),
        None => comment.push_str(&instead(name, facts.status, lang)),
    }
    Correction {
        cover: fitted.as_ref().map(|w| w.cover).unwrap_or_default(),
        replacement: fitted.map(|w| w.text),
        comment,
    }
}

fn judged_on(on: crate::date::Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" Judged by the facts in force on {on}."),
        Lang::Nl => format!(" Beoordeeld naar de feiten van {on}."),
    }
}

/// What to write when no replacement fits the sentence (or the words are a
/// quotation): the claim the facts support, in a whole clause.
fn instead(name: &str, status: Openness, lang: Lang) -> String {
    match (status, lang) {
        (Openness::OpenSource, _) => String::new(),
        (Openness::Closed, Lang::En) => format!(" Write instead that {name} is a closed model."),
        (Openness::Closed, Lang::Nl) => format!(" Schrijf in plaats daarvan dat {name} een gesloten model is."),
        (Openness::OpenWeights, Lang::En) => format!(" Write instead that {name} has open weights."),
        (Openness::OpenWeights, Lang::Nl) => format!(" Schrijf in plaats daarvan dat {name} open gewichten heeft."),
        (Openness::RestrictedWeights, Lang::En) => format!(
            " Write instead that the weights of {name} can be downloaded under a restrictive license."
        ),
        (Openness::RestrictedWeights, Lang::Nl) => format!(
            " Schrijf in plaats daarvan dat de gewichten van {name} te downloaden zijn onder een beperkende licentie."
        ),
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
        let u = Usage {
            written: "open-source".into(),
            ..Usage::default()
        };
        let en = correction(
            m,
            &f,
            &form,
            Attachment::Modifier,
            &Voice::Author,
            &u,
            Lang::En,
        );
        assert_eq!(en.replacement.as_deref(), Some("open-weights"));
        assert!(
            en.comment.starts_with("Llama 3.2 is not open source"),
            "{}",
            en.comment
        );
        let nl = correction(
            m,
            &f,
            &form,
            Attachment::Modifier,
            &Voice::Author,
            &u,
            Lang::Nl,
        );
        // Dutch has no place for a replacement before a name: the note says what to write.
        assert_eq!(nl.replacement, None);
        assert!(
            nl.comment.contains("Schrijf in plaats daarvan"),
            "{}",
            nl.comment
        );
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
            &Usage {
                written: "opensourcemodel".into(),
                ..Usage::default()
            },
            Lang::Nl,
        );
        assert_eq!(c.replacement.as_deref(), Some("gesloten model"));
        assert_eq!(c.cover, Cover::Word);
    }

    #[test]
    fn a_quotation_gets_the_facts_and_no_replacement() {
        let g = Glossary::embedded();
        let m = g.find("Llama 3.2").expect("Llama 3.2 in the glossary");
        let f = g.facts(m, None);
        let form = ClaimForm::Attributive { head: None };
        for (lang, opening) in [(Lang::En, "In a quotation"), (Lang::Nl, "In een citaat")] {
            let u = Usage {
                written: "open-source".into(),
                quoted: true,
                ..Usage::default()
            };
            let c = correction(m, &f, &form, Attachment::Modifier, &Voice::Author, &u, lang);
            assert_eq!(c.replacement, None);
            assert!(c.comment.starts_with(opening), "{}", c.comment);
            let unquoted = Usage { quoted: false, ..u };
            let c = correction(
                m,
                &f,
                &form,
                Attachment::Modifier,
                &Voice::Author,
                &unquoted,
                lang,
            );
            assert!(!c.comment.contains(opening), "{}", c.comment);
        }
    }
}
