//! Replacement wording fitted to the grammatical form of the claim term.
//! A replacement is offered only where the sentence stays grammatical and
//! true after it is accepted blindly; everywhere else the comment says what
//! to write instead.

use crate::detect::ClaimForm;
use crate::glossary::Openness;
use crate::rules::Attachment;
use crate::Lang;

/// How the claim term is used in its sentence, as far as wording goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// The text the replacement would take the place of, as written
    /// ("Open-source", "opensourcemodel"), for its capitalisation.
    pub written: String,
    /// The word before the term, lowercased, without punctuation.
    pub before: String,
    /// The word after the term (or after the compound), as written, without
    /// punctuation; empty when punctuation or the end of the block follows.
    pub after: String,
    /// True when the next word follows after exactly one space.
    pub after_adjacent: bool,
    /// The term stands in a direct quotation (quote marks or a blockquote).
    pub quoted: bool,
}

/// What a replacement takes the place of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cover {
    /// The claim term alone.
    #[default]
    Term,
    /// The whole compound word ("opensourcemodel").
    Word,
    /// The term, the space after it and the next word ("open-source model").
    TermAndNext,
}

/// A replacement and the text it replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub text: String,
    pub cover: Cover,
}

const EN_COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "remains", "remain", "remained", "stays",
    "stay", "stayed", "becomes", "become", "became", "it's", "it’s", "that's", "that’s",
];
const EN_MAKE: &[&str] = &["make", "makes", "made", "making"];
const NL_COPULAS: &[&str] = &[
    "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "blijft", "blijven",
    "bleef", "bleven", "geworden", "gemaakt", "maken", "maakt", "maakte", "maakten",
];

/// The replacement for a claim about a model with `status`, or None when no
/// wording fits this use of the term.
pub fn wording(
    status: Openness,
    form: &ClaimForm,
    attachment: Attachment,
    usage: &Usage,
    lang: Lang,
) -> Option<Wording> {
    if usage.quoted || status == Openness::OpenSource {
        return None;
    }
    let closed = status == Openness::Closed;
    let plain = |text: &str| Wording {
        text: text.to_string(),
        cover: Cover::Term,
    };
    let w = match (form, lang) {
        (ClaimForm::Ish, _) => return None,
        (ClaimForm::Attributive { .. }, Lang::En) => plain(if closed {
            "proprietary"
        } else {
            "open-weights"
        }),
        // "een gesloten model": "gesloten" needs no inflection.
        (ClaimForm::Attributive { .. }, Lang::Nl) if closed => plain("gesloten"),
        // "het open-source model" -> "het model met open gewichten".
        (ClaimForm::Attributive { head: Some(head) }, Lang::Nl)
            if usage.after_adjacent && usage.after.to_lowercase() == *head =>
        {
            Wording {
                text: format!("{} met open gewichten", usage.after),
                cover: Cover::TermAndNext,
            }
        }
        (ClaimForm::Attributive { .. }, Lang::Nl) => return None,
        (ClaimForm::Compound { head }, _) if head.is_empty() => return None,
        (ClaimForm::Compound { .. }, Lang::Nl) => {
            let head = compound_head(usage)?;
            Wording {
                text: if closed {
                    format!("gesloten {head}")
                } else {
                    format!("{head} met open gewichten")
                },
                cover: Cover::Word,
            }
        }
        (ClaimForm::Compound { .. }, Lang::En) => {
            let head = compound_head(usage)?;
            let adj = if closed {
                "proprietary"
            } else {
                "open-weights"
            };
            Wording {
                text: format!("{adj} {head}"),
                cover: Cover::Word,
            }
        }
        (ClaimForm::Predicative, Lang::En) => {
            let copula = EN_COPULAS.contains(&usage.before.as_str());
            match (closed, copula) {
                (true, true) => plain("proprietary"),
                (true, false) => return None,
                (false, true) => plain("available with open weights"),
                (false, false) if EN_MAKE.contains(&usage.before.as_str()) => {
                    plain("available with open weights")
                }
                (false, false) if usage.before == "as" => plain("open weights"),
                (false, false) => return None,
            }
        }
        (ClaimForm::Predicative, Lang::Nl) => {
            let copula = NL_COPULAS.contains(&usage.before.as_str())
                || NL_COPULAS.contains(&usage.after.to_lowercase().as_str());
            match (closed, copula) {
                (_, false) => return None,
                (true, true) => plain("gesloten"),
                (false, true) => plain("met open gewichten beschikbaar"),
            }
        }
        (ClaimForm::Verb, Lang::En) if !closed => {
            let term = usage.written.to_lowercase();
            match attachment {
                // "Nvidia has open-sourced NVLM" -> "has released the weights of NVLM".
                Attachment::Object => plain(if term.ends_with("ed") {
                    "released the weights of"
                } else if term.ends_with("ing") {
                    "releasing the weights of"
                } else if term.ends_with('s') {
                    "releases the weights of"
                } else {
                    "release the weights of"
                }),
                // "Llama was open-sourced" -> "Llama was released with open weights".
                _ if term.ends_with("ed") && EN_COPULAS.contains(&usage.before.as_str()) => {
                    plain("released with open weights")
                }
                _ => return None,
            }
        }
        (ClaimForm::Verb, _) => return None,
    };
    Some(Wording {
        text: match_case(&usage.written, &w.text),
        cover: w.cover,
    })
}

/// The part of a compound after the term, as written ("model" in
/// "opensourcemodel", "AI" in "open-source-AI").
fn compound_head(usage: &Usage) -> Option<String> {
    let lower = usage.written.to_lowercase();
    let cut = ["open-source", "open source", "opensource"]
        .iter()
        .find(|p| lower.starts_with(*p))?
        .len();
    let head = usage.written.get(cut..)?.trim_start_matches('-');
    if head.is_empty() {
        return None;
    }
    // Lowercase a head that was capitalised only because the compound opened
    // the sentence ("Opensourcemodellen" -> "modellen"), not an acronym ("AI").
    Some(if head.chars().skip(1).any(char::is_uppercase) {
        head.to_string()
    } else {
        head.to_lowercase()
    })
}

/// `text` with the capitalisation of `written`: all capitals in a shouted
/// headline, a capital first letter at the start of a sentence.
fn match_case(written: &str, text: &str) -> String {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return text.to_uppercase();
    }
    match (written.chars().next(), text.chars().next()) {
        (Some(w), Some(t)) if w.is_uppercase() && t.is_lowercase() => {
            t.to_uppercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(written: &str, before: &str, after: &str) -> Usage {
        Usage {
            written: written.into(),
            before: before.into(),
            after: after.into(),
            after_adjacent: !after.is_empty(),
            quoted: false,
        }
    }

    fn text(w: Option<Wording>) -> Option<String> {
        w.map(|w| w.text)
    }

    const RW: Openness = Openness::RestrictedWeights;
    const ATTR: ClaimForm = ClaimForm::Attributive { head: None };

    #[test]
    fn english_forms() {
        let m = Attachment::Modifier;
        let p = Attachment::Predicate;
        let a = |f: &ClaimForm, at, u: &Usage, s| text(wording(s, f, at, u, Lang::En));
        assert_eq!(
            a(&ATTR, m, &usage("Open-source", "", "models"), RW).as_deref(),
            Some("Open-weights")
        );
        assert_eq!(
            a(&ATTR, m, &usage("OPEN-SOURCE", "", "AI"), RW).as_deref(),
            Some("OPEN-WEIGHTS")
        );
        let pred = ClaimForm::Predicative;
        assert_eq!(
            a(&pred, p, &usage("open source", "is", ""), RW).as_deref(),
            Some("available with open weights")
        );
        assert_eq!(
            a(&pred, p, &usage("open source", "is", ""), Openness::Closed).as_deref(),
            Some("proprietary")
        );
        // "made open source for Android developers": never "made proprietary".
        assert_eq!(
            a(
                &pred,
                p,
                &usage("open source", "made", "for"),
                Openness::Closed
            ),
            None
        );
        assert_eq!(
            a(&pred, p, &usage("open source", "made", "for"), RW).as_deref(),
            Some("available with open weights")
        );
        assert_eq!(
            a(&pred, p, &usage("open source", "as", ""), RW).as_deref(),
            Some("open weights")
        );
        // A noun after a preposition has no safe replacement.
        assert_eq!(a(&pred, p, &usage("open source", "to", ""), RW), None);
        let verb = ClaimForm::Verb;
        let o = Attachment::Object;
        assert_eq!(
            a(&verb, o, &usage("open-sourced", "has", "NVLM"), RW).as_deref(),
            Some("released the weights of")
        );
        assert_eq!(
            a(&verb, o, &usage("Open-sourcing", "", "Llama"), RW).as_deref(),
            Some("Releasing the weights of")
        );
        assert_eq!(
            a(&verb, p, &usage("open-sourced", "was", "in"), RW).as_deref(),
            Some("released with open weights")
        );
        assert_eq!(
            a(
                &verb,
                o,
                &usage("open-sourced", "has", "GPT-4o"),
                Openness::Closed
            ),
            None
        );
    }

    #[test]
    fn dutch_forms() {
        let m = Attachment::Modifier;
        let n = |f: &ClaimForm, u: &Usage, s| wording(s, f, m, u, Lang::Nl);
        let compound = ClaimForm::Compound {
            head: "model".into(),
        };
        let w = n(&compound, &usage("open-sourcemodel", "het", "Llama"), RW)
            .expect("a wording for the compound");
        assert_eq!(w.text, "model met open gewichten");
        assert_eq!(w.cover, Cover::Word);
        assert_eq!(
            text(n(&compound, &usage("Opensourcemodellen", "", "zoals"), RW)).as_deref(),
            Some("Modellen met open gewichten")
        );
        assert_eq!(
            text(n(
                &compound,
                &usage("opensource-alternatief", "een", ""),
                Openness::Closed
            ))
            .as_deref(),
            Some("gesloten alternatief")
        );
        let attr = ClaimForm::Attributive {
            head: Some("model".into()),
        };
        let w = n(&attr, &usage("open-source", "het", "model"), RW).expect("attributive");
        assert_eq!(
            (w.text.as_str(), w.cover),
            ("model met open gewichten", Cover::TermAndNext)
        );
        // Before a name there is no grammatical place for "met open gewichten".
        assert_eq!(n(&ATTR, &usage("open-source", "het", "Llama"), RW), None);
        let pred = ClaimForm::Predicative;
        let p = |u: &Usage, s| text(wording(s, &pred, Attachment::Predicate, u, Lang::Nl));
        assert_eq!(
            p(&usage("open source", "is", ""), RW).as_deref(),
            Some("met open gewichten beschikbaar")
        );
        assert_eq!(
            p(&usage("open source", "llama", "is"), Openness::Closed).as_deref(),
            Some("gesloten")
        );
        assert_eq!(p(&usage("open source", "als", "uitgebracht"), RW), None);
    }

    #[test]
    fn quotations_and_open_models_get_no_replacement() {
        let mut u = usage("open-source", "", "Llama");
        u.quoted = true;
        for lang in [Lang::En, Lang::Nl] {
            assert_eq!(wording(RW, &ATTR, Attachment::Modifier, &u, lang), None);
        }
        let u = usage("open-source", "", "OLMo");
        assert_eq!(
            wording(
                Openness::OpenSource,
                &ATTR,
                Attachment::Modifier,
                &u,
                Lang::En
            ),
            None
        );
    }
}
