//! Names the glossary does not list but that plainly name a version of a
//! family it does list ("Qwen 4", "Llama 3.5", "Mistral Medium 5"). Such a
//! member's license is unknown: it must never borrow the license of another
//! member, open or closed, so it is reported as unknown with the family's
//! range instead.

use super::{Glossary, Model, Openness};
use crate::date::Date;

/// Tier words the press puts between a family name and a version number
/// ("Mistral Small 4", "Gemini Ultra 3").
const TIERS: &[&str] = &[
    "small", "medium", "large", "mini", "nano", "pro", "flash", "ultra", "max", "plus", "turbo",
    "lite", "coder", "code", "vision",
];

const SEPARATORS: &[char] = &[' ', '-', '\u{a0}', '\u{2010}', '\u{2011}'];

/// Words after a number that make it a count or a date, not a version
/// ("Llama 70 billion", "Qwen 8 miljard parameters", "Mistral 12 december").
const NOT_AFTER_A_VERSION: &[&str] = &[
    "billion",
    "miljard",
    "million",
    "miljoen",
    "b",
    "m",
    "parameters",
    "params",
    "percent",
    "procent",
    "times",
    "keer",
    "days",
    "dagen",
    "weeks",
    "weken",
    "months",
    "maanden",
    "years",
    "jaar",
    "jaren",
    "january",
    "januari",
    "february",
    "februari",
    "march",
    "maart",
    "april",
    "may",
    "mei",
    "june",
    "juni",
    "july",
    "juli",
    "august",
    "augustus",
    "september",
    "october",
    "oktober",
    "november",
    "december",
];

/// The byte length of a version written in `rest`, right after `name`: an
/// optional run of tier words, then a number of at most two digits per part
/// ("4", "3.5", "2.1.1"), ending on a word boundary. Sizes ("7B"), counts
/// ("70 billion"), years ("2025") and a number after a name that already
/// ends in one ("Llama 2 70") are not versions, so such names stay what the
/// glossary lists. The number may also be joined to a name that ends in a
/// letter ("Qwen4", "Llama5"), without tier words in between.
pub fn version_tail(name: &str, rest: &str) -> Option<usize> {
    if name.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if name.ends_with(|c: char| c.is_alphabetic()) && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return number_at(rest, 0);
    }
    let mut at = 0;
    loop {
        let after_sep = rest.get(at..)?;
        let sep = after_sep
            .chars()
            .next()
            .filter(|c| SEPARATORS.contains(c))?;
        let word_start = at + sep.len_utf8();
        let word = word_at(rest, word_start)?;
        if TIERS.contains(&word.to_lowercase().as_str()) {
            at = word_start + word.len();
            continue;
        }
        return number_at(rest, word_start);
    }
}

/// The word (letters, digits and inner dots) that starts at `start` in `rest`.
fn word_at(rest: &str, start: usize) -> Option<&str> {
    Some(
        rest.get(start..)?
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .next()
            .unwrap_or("")
            .trim_end_matches('.'),
    )
}

/// The end of a version number that starts at `word_start` in `rest`, when
/// the word there is one (see [`version_tail`]).
fn number_at(rest: &str, word_start: usize) -> Option<usize> {
    let word = word_at(rest, word_start)?;
    let parts: Vec<&str> = word.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let end = word_start + word.len();
    let after = rest.get(end..).unwrap_or("");
    let next_word = after
        .strip_prefix(' ')
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let count = after.starts_with('%') || NOT_AFTER_A_VERSION.contains(&next_word.as_str());
    (numeric && !count).then_some(end)
}

/// The family's range in one clause, for reports and `glossary show`: "the
/// Qwen family ranges from open-weights to closed", or, when every member
/// has one status under licenses that differ, that status.
pub fn range_phrase(family: &str, (lo, hi): (Openness, Openness)) -> String {
    if lo == hi {
        format!(
            "every listed member of the {family} family is {}, under licenses that differ by version",
            lo.as_str()
        )
    } else {
        format!(
            "the {family} family ranges from {} to {}",
            lo.as_str(),
            hi.as_str()
        )
    }
}

impl Glossary {
    /// The family entry that a versioned name starting with `matched`'s
    /// name belongs to: `matched` itself for a family, or its family.
    pub fn family_of<'g>(&'g self, matched: &'g Model) -> Option<&'g Model> {
        if matched.is_family() {
            return Some(matched);
        }
        matched
            .family
            .as_deref()
            .and_then(|f| self.model(f))
            .filter(|f| f.is_family())
    }

    /// The least and most open status of `family`'s members released by
    /// `on`, when a member the glossary does not list could be any of them.
    ///
    /// None when every member released by then has the same license and the
    /// same status (Claude: all proprietary and closed): the verdict on an
    /// unlisted member then rests on no other member's terms but the ones
    /// all of them share, so it keeps the family status.
    pub fn unlisted_member_range(
        &self,
        family: &Model,
        on: Option<Date>,
    ) -> Option<(Openness, Openness)> {
        let facts: Vec<_> = self
            .members(&family.id)
            .filter(|m| !m.unreleased_on(on))
            .map(|m| self.facts(m, on))
            .collect();
        let first = facts.first()?;
        let uniform = facts.iter().all(|f| {
            f.status == first.status
                && f.license.map(|l| l.id.as_str()) == first.license.map(|l| l.id.as_str())
        });
        if uniform {
            return None;
        }
        let lo = facts.iter().map(|f| f.status).min()?;
        let hi = facts.iter().map(|f| f.status).max()?;
        Some((lo, hi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_not_sizes_counts_or_years() {
        assert_eq!(version_tail("Qwen", " 4 is open"), Some(2));
        assert_eq!(version_tail("Llama", " 3.5."), Some(4));
        assert_eq!(version_tail("Mistral", " Medium 5"), Some(9));
        assert_eq!(version_tail("Phi", "-4"), Some(2));
        assert_eq!(version_tail("Mistral", " 7B"), None);
        assert_eq!(version_tail("Llama", " 2025"), None);
        assert_eq!(version_tail("Llama", " 70 billion"), None);
        assert_eq!(version_tail("Qwen", " 8 miljard parameters"), None);
        assert_eq!(version_tail("Mistral", " 12 december"), None);
        assert_eq!(version_tail("Gemma", " 3 days ago"), None);
        assert_eq!(version_tail("Llama 2", " 70"), None);
        assert_eq!(version_tail("Mistral", " Medium is"), None);
        assert_eq!(version_tail("Qwen", " is 4"), None);
        assert_eq!(version_tail("Qwen", ""), None);
        assert_eq!(version_tail("Qwen", "4 is open"), Some(1));
        assert_eq!(version_tail("Llama", "3.5."), Some(3));
        assert_eq!(version_tail("Qwen", "4B"), None);
        assert_eq!(version_tail("Llama", "2025"), None);
        assert_eq!(version_tail("Mistral", "Medium5"), None);
        assert_eq!(version_tail("Llama 2", "70"), None);
    }

    #[test]
    fn uniform_families_keep_their_status() {
        let g = Glossary::embedded();
        let claude = g.find("Claude").expect("Claude family");
        assert_eq!(g.unlisted_member_range(claude, None), None);
        let qwen = g.find("Qwen").expect("Qwen family");
        assert!(g.unlisted_member_range(qwen, None).is_some());
    }
}
