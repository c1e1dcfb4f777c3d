//! Finding an entry from a name as a person types it: the same folding of
//! case and separators the matcher applies to article text, so a name that
//! `check` recognises in a sentence is one `show` finds, and a near miss
//! gets a suggestion instead of silence.

use super::member::version_tail;
use super::validate::alias_key;
use super::{Glossary, Model};

/// What a typed name stands for.
#[derive(Debug)]
pub enum Resolution<'g> {
    Found(&'g Model),
    /// A version of a listed family that the glossary does not list ("Qwen
    /// 4"): its license is unknown, and only the family can be shown.
    UnlistedMember(&'g Model),
    /// No entry; the closest names, nearest first (may be empty).
    Unknown(Vec<String>),
}

/// Size and variant words the press appends to a name ("Llama 3.1 405B
/// Instruct"): dropped one at a time when the whole name is not listed.
fn is_suffix_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    const VARIANTS: &[&str] = &["instruct", "chat", "base", "it", "vision", "hf"];
    if VARIANTS.contains(&w.as_str()) {
        return true;
    }
    let Some(body) = w.strip_suffix('b').or_else(|| w.strip_suffix('m')) else {
        return false;
    };
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'x')
}

/// Edit distance on chars, for suggestions only (names are short).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl Glossary {
    /// The entry a typed name stands for, folding case, hyphens, spaces and
    /// Unicode hyphens, then dropping size and variant suffixes.
    pub fn resolve(&self, name: &str) -> Resolution<'_> {
        if let Some(m) = self.find(name) {
            return Resolution::Found(m);
        }
        let mut words: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
            .filter(|w| !w.is_empty())
            .collect();
        loop {
            let key = alias_key(&words.join(" "));
            if let Some(m) = self.find_key(&key) {
                return Resolution::Found(m);
            }
            match words.last() {
                Some(w) if words.len() > 1 && is_suffix_word(w) => {
                    words.pop();
                }
                _ => break,
            }
        }
        if let Some(family) = self.unlisted_member(&words.join(" ")) {
            return Resolution::UnlistedMember(family);
        }
        let key = alias_key(name);
        let mut near: Vec<(usize, &str)> = self
            .models()
            .iter()
            .flat_map(|m| m.aliases.iter().chain(std::iter::once(&m.canonical)))
            .map(|a| (distance(&key, &alias_key(a)), a.as_str()))
            .filter(|(d, a)| *d <= 2.max(a.len() / 5))
            .collect();
        near.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, a) in near {
            if let Some(m) = self.find(a) {
                if !out.contains(&m.canonical) {
                    out.push(m.canonical.clone());
                }
            }
            if out.len() == 3 {
                break;
            }
        }
        Resolution::Unknown(out)
    }

    /// The family of `name` when it is a listed name followed by a version
    /// ("Mistral Medium 5"): the longest listed prefix wins, as in articles.
    fn unlisted_member(&self, name: &str) -> Option<&Model> {
        let name = name.trim();
        // At a separator, or between a letter and a digit ("Qwen4").
        let cuts = name
            .char_indices()
            .zip(std::iter::once(None).chain(name.chars().map(Some)))
            .filter(|&((_, c), before)| {
                c == ' '
                    || c == '-'
                    || c == '\u{a0}'
                    || c == '\u{2011}'
                    || (c.is_ascii_digit() && before.is_some_and(char::is_alphabetic))
            })
            .map(|((i, _), _)| i);
        let mut best = None;
        for cut in cuts {
            let (head, tail) = name.split_at(cut);
            if version_tail(head, tail) != Some(tail.len()) {
                continue;
            }
            if let Some(m) = self.find_key(&alias_key(head)) {
                best = self.family_of(m);
            }
        }
        best
    }

    fn find_key(&self, key: &str) -> Option<&Model> {
        self.models().iter().find(|m| {
            alias_key(&m.canonical) == key
                || alias_key(&m.id) == key
                || m.aliases.iter().any(|a| alias_key(a) == key)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(name: &str) -> Option<String> {
        match Glossary::embedded().resolve(name) {
            Resolution::Found(m) => Some(m.id.clone()),
            Resolution::Unknown(_) | Resolution::UnlistedMember(_) => None,
        }
    }

    #[test]
    fn press_spellings_resolve() {
        assert_eq!(found("Llama-4-Scout").as_deref(), Some("llama-4"));
        assert_eq!(
            found("llama 3.1 405b instruct").as_deref(),
            Some("llama-3.1")
        );
        assert_eq!(found("Gemma\u{2011}3n").as_deref(), Some("gemma-3"));
        assert_eq!(found("Nothing Like A Model"), None);
    }

    #[test]
    fn near_misses_get_suggestions() {
        match Glossary::embedded().resolve("Lama 3") {
            Resolution::Unknown(s) => assert_eq!(s.first().map(String::as_str), Some("Llama 3")),
            Resolution::Found(m) | Resolution::UnlistedMember(m) => panic!("found {}", m.id),
        }
    }

    #[test]
    fn versions_the_glossary_lacks_name_only_their_family() {
        let g = Glossary::embedded();
        for (name, family) in [
            ("Qwen 4", "qwen"),
            ("Llama 7", "llama"),
            ("Mistral Medium 5", "mistral"),
            ("Qwen 4 72B Instruct", "qwen"),
            ("Qwen4", "qwen"),
            ("Llama5", "llama"),
            ("Gemma5", "gemma"),
        ] {
            match g.resolve(name) {
                Resolution::UnlistedMember(f) => assert_eq!(f.id, family, "{name}"),
                Resolution::Found(m) => panic!("{name}: found {}", m.id),
                Resolution::Unknown(_) => panic!("{name}: unknown"),
            }
        }
        assert!(matches!(g.resolve("Qwen 2.5"), Resolution::Found(_)));
        assert!(matches!(g.resolve("Mistral 7B"), Resolution::Found(_)));
        assert!(matches!(g.resolve("Qwen3"), Resolution::Found(_)));
        assert!(matches!(g.resolve("Llama4"), Resolution::Found(_)));
    }
}
