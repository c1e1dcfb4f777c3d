//! Names that are also words, people or products ("Command & Conquer",
//! "Yi, a Chinese AI researcher", "Whisper it:") and the converse: a bare
//! name that a claim term ties to ("Llama is open source", "DeepSeek's
//! open-source model"), which is the model even with no other evidence.
//!
//! The rules per name are glossary data ([`Guard`]); this file holds only
//! the reading of the text around one match.

use std::ops::Range;

use crate::glossary::Guard;

/// Nouns that make an apposition describe a person, in both languages;
/// a compound ending in one counts too ("AI-onderzoeker").
const PERSON_NOUNS: &[&str] = &[
    "researcher",
    "engineer",
    "scientist",
    "founder",
    "professor",
    "student",
    "entrepreneur",
    "developer",
    "programmer",
    "journalist",
    "artist",
    "writer",
    "author",
    "ceo",
    "painter",
    "composer",
    "onderzoeker",
    "onderzoekster",
    "ingenieur",
    "wetenschapper",
    "oprichter",
    "hoogleraar",
    "ontwikkelaar",
    "programmeur",
    "ondernemer",
    "schrijver",
    "kunstenaar",
];

/// Class nouns right before a name that make it something other than a
/// model, whatever the name: "the start-up Bloom", "het bedrijf Mistral".
const OTHER_KINDS: &[&str] = &[
    "start-up ",
    "startup ",
    "company ",
    "firm ",
    "brand ",
    "band ",
    "game ",
    "restaurant ",
    "store ",
    "shop ",
    "bedrijf ",
    "merk ",
    "winkel ",
    "spel ",
];

const ARTICLES: &[&str] = &["a", "an", "the", "een", "de", "het"];

/// Words that say the tied claim is about a model ("open-source model").
const MODEL_WORDS: &[&str] = &[
    "model",
    "models",
    "ai",
    "llm",
    "llms",
    "chatbot",
    "taalmodel",
    "modellen",
    "ai-model",
];

/// Copulas and adverbs between a name and its claim ("Llama is now open source").
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "remains", "becomes", "became", "went", "goes", "wordt", "werd",
    "blijft", "ging", "gaat", "zijn",
];
const ADVERBS: &[&str] = &[
    "now", "fully", "also", "entirely", "still", "truly", "nu", "ook", "volledig", "helemaal",
    "nog", "echt", "gewoon",
];

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.get(s.len() - suffix.len()..)
            .is_some_and(|p| p.eq_ignore_ascii_case(suffix))
}

/// Length of a claim term at the start of `s` ("open source", "open-sourced",
/// "opensourcemodel"), including the rest of its word.
fn claim_at(s: &str) -> Option<usize> {
    if !starts_with_ci(s, "open") {
        return None;
    }
    let mut i = 4;
    if let Some(c) = s[i..].chars().next() {
        if matches!(c, ' ' | '-' | '\u{a0}' | '\u{2010}' | '\u{2011}') {
            i += c.len_utf8();
        }
    }
    if !starts_with_ci(&s[i..], "source") {
        return None;
    }
    let rest = &s[i..];
    let word = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    Some(i + word)
}

/// The next word of `s` after leading spaces, and the text after it.
fn next_word(s: &str) -> (&str, &str) {
    let s = s.trim_start_matches(' ');
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .unwrap_or(s.len());
    let word = s[..end].trim_end_matches('.');
    (word, &s[word.len()..])
}

/// Text right around the name rules it out as the model.
pub fn rejects(text: &str, span: &Range<usize>, guard: &Guard) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    if guard
        .not_followed_by
        .iter()
        .any(|p| starts_with_ci(after, p))
    {
        return true;
    }
    if guard
        .not_preceded_by
        .iter()
        .any(|p| ends_with_ci(before, p))
        || OTHER_KINDS.iter().any(|p| ends_with_ci(before, p))
    {
        return true;
    }
    guard.person && person_apposition(after)
}

/// ", a Chinese AI researcher," / ", een Franse AI-ingenieur": an
/// apposition right after the name whose head noun is a person.
fn person_apposition(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let (article, mut rest) = next_word(rest);
    if !ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(article)) {
        return false;
    }
    for _ in 0..5 {
        let (word, tail) = next_word(rest);
        if word.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        if PERSON_NOUNS.iter().any(|n| lower.ends_with(n)) {
            return true;
        }
        rest = tail;
        if rest.starts_with(',') {
            return false;
        }
    }
    false
}

/// A claim term grammatically tied to the bare name: "Llama is open source",
/// "DeepSeek's open-source model", "the open-source Llama", "het
/// opensourcemodel DeepSeek". A claim about a named model after the
/// name ("DeepSeek's open-source model R1") does not tie to the name.
pub fn claim_tied(text: &str, span: &Range<usize>, guard: &Guard) -> bool {
    if !guard.claim_ties {
        return false;
    }
    let after = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    // Possessive: "DeepSeek's open-source model".
    if let Some(rest) = ["'s ", "’s "].iter().find_map(|p| after.strip_prefix(p)) {
        let mut rest = rest;
        for _ in 0..3 {
            if let Some(n) = claim_at(rest) {
                return about_no_other_name(&rest[n..], &rest[..n]);
            }
            let (word, tail) = next_word(rest);
            if word.is_empty() || word.starts_with(|c: char| c.is_uppercase()) {
                return false;
            }
            rest = tail.trim_start_matches(' ');
        }
        return false;
    }
    // Apposition: "DeepSeek, a model free, open source and efficient",
    // "DeepSeek, het open-sourcemodel uit China".
    if let Some(rest) = after.strip_prefix(", ") {
        let (det, tail) = next_word(rest);
        if ["a", "an", "the", "een", "het", "de"]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(det))
        {
            let phrase_end = tail
                .find(['.', ';', '(', ')', '!', '?'])
                .unwrap_or(tail.len())
                .min(160);
            let phrase = tail.get(..phrase_end).unwrap_or("");
            let mut model_word = false;
            let mut claim = false;
            let mut rest = phrase.trim_start_matches(' ');
            for i in 0..16 {
                if claim_at(rest).is_some() {
                    claim = true;
                }
                let (word, tail) = next_word(rest);
                if word.is_empty() {
                    break;
                }
                let bare = word.trim_end_matches([',', ':']);
                // Not "AI": "DeepSeek, the Chinese AI lab, …" is the company.
                // The apposition's head comes within its first three words.
                model_word |= i < 3
                    && !bare.eq_ignore_ascii_case("ai")
                    && (MODEL_WORDS.iter().any(|w| bare.eq_ignore_ascii_case(w))
                        || bare.to_lowercase().ends_with("model"));
                rest = tail.trim_start_matches([' ', ',']);
            }
            if model_word && claim {
                return true;
            }
        }
    }
    // Copula: "Llama is open source", "Grok is now open source".
    let (verb, mut rest) = next_word(after);
    if COPULAS.iter().any(|c| c.eq_ignore_ascii_case(verb)) && after.starts_with(' ') {
        let (adv, tail) = next_word(rest);
        if ADVERBS.iter().any(|a| a.eq_ignore_ascii_case(adv)) {
            rest = tail;
        }
        if claim_at(rest.trim_start_matches(' ')).is_some() {
            return true;
        }
    }
    // Attributive: "the open-source Llama", "het opensourcemodel DeepSeek".
    let before = before.trim_end_matches(' ');
    let mut words = before.rsplit(' ');
    let last = words.next().unwrap_or("");
    let candidate_start = if MODEL_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
        words.next().unwrap_or("")
    } else {
        last
    };
    let next_is_name = {
        let (w, _) = next_word(after);
        w.starts_with(|c: char| c.is_uppercase())
    };
    !next_is_name && claim_at(candidate_start).is_some_and(|n| n == candidate_start.len())
}

/// After a possessive claim: the claim is about the name only when no other
/// capitalised name follows the model word ("… open-source model R1").
fn about_no_other_name(after_claim: &str, claim: &str) -> bool {
    let claim_is_compound = claim.to_lowercase().ends_with("model");
    let rest = if claim_is_compound {
        after_claim
    } else {
        let (word, tail) = next_word(after_claim);
        if !MODEL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return false;
        }
        tail
    };
    let (next, _) = next_word(rest);
    !(rest.starts_with(' ') && next.starts_with(|c: char| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> Guard {
        Guard {
            not_followed_by: vec![
                " & Conquer".into(),
                "-line".into(),
                ":".into(),
                " it".into(),
            ],
            not_preceded_by: vec![],
            person: true,
            claim_ties: true,
        }
    }

    fn at<'a>(text: &'a str, name: &str) -> (&'a str, Range<usize>) {
        let s = text.find(name).unwrap_or(0);
        (text, s..s + name.len())
    }

    #[test]
    fn an_apposition_with_a_model_word_ties_the_name() {
        let g = guard();
        for t in [
            "The newcomer is DeepSeek, a model free, open source and efficient.",
            "Daar is DeepSeek, een taalmodel dat volledig open source is.",
        ] {
            let (text, span) = at(t, "DeepSeek");
            assert!(claim_tied(text, &span, &g), "{t}");
        }
        for t in [
            "DeepSeek, the Chinese AI lab, released an open-source model.",
            "DeepSeek, het Chinese bedrijf, bracht een open-sourcemodel uit.",
            "DeepSeek, a model builder from China, raised money.",
        ] {
            let (text, span) = at(t, "DeepSeek");
            assert!(!claim_tied(text, &span, &g), "{t}");
        }
    }

    #[test]
    fn words_people_and_products_are_rejected() {
        for (t, n) in [
            (
                "Command & Conquer was re-released as open source.",
                "Command",
            ),
            ("Command-line tools for the open-source LLM.", "Command"),
            ("Command: run the open-source model.", "Command"),
            (
                "Yi, a Chinese AI researcher, released an open-source model.",
                "Yi",
            ),
            (
                "Claude, een Franse AI-ingenieur, bracht zijn opensourcemodel uit.",
                "Claude",
            ),
            ("Whisper it: the open-source model leaked.", "Whisper"),
        ] {
            let (text, span) = at(t, n);
            assert!(rejects(text, &span, &guard()), "{t}");
        }
        let (text, span) = at("De start-up Bloom is open source.", "Bloom");
        assert!(rejects(text, &span, &Guard::default()));
        let (text, span) = at("Claude, the Anthropic model, is closed.", "Claude");
        assert!(!rejects(text, &span, &guard()));
    }

    #[test]
    fn tied_claims() {
        for (t, n, want) in [
            ("Llama is open source.", "Llama", true),
            ("Grok is open source, Musk said.", "Grok", true),
            ("Grok is now open-source.", "Grok", true),
            (
                "DeepSeek's open-source model beats GPT-4.",
                "DeepSeek",
                true,
            ),
            (
                "DeepSeek's new open-source model R1 beats GPT-4.",
                "DeepSeek",
                false,
            ),
            (
                "Het Chinese opensourcemodel DeepSeek verrast.",
                "DeepSeek",
                true,
            ),
            ("Het opensource-model DeepSeek verrast.", "DeepSeek", true),
            ("the open-source Llama family", "Llama", true),
            (
                "Llama is a camelid; open source is a method.",
                "Llama",
                false,
            ),
            ("DeepSeek released an open-source model.", "DeepSeek", false),
        ] {
            let (text, span) = at(t, n);
            assert_eq!(claim_tied(text, &span, &guard()), want, "{t}");
        }
    }
}
