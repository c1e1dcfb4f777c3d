//! The searches over glossary aliases (a trie) and claim terms (automata),
//! built once per glossary and shared by reference across threads.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::alias_trie::AliasTrie;
use crate::glossary::Glossary;

/// What one alias pattern stands for.
#[derive(Debug, Clone)]
pub struct AliasInfo {
    /// Index into `Glossary::models()`.
    pub model: usize,
    /// The alias as listed in the glossary (before separator variants).
    pub alias: String,
    /// Needs context before a match counts (see [`crate::detect::mentions`]).
    pub ambiguous: bool,
    /// The model is a family or one of its members, so a version number
    /// joined to the name ("Qwen4") names a member.
    pub in_family: bool,
}

pub struct Matcher {
    pub(crate) aliases: AliasTrie,
    pub(crate) alias_info: Vec<AliasInfo>,
    pub(crate) terms: AhoCorasick,
    /// "sourc", which every claim term contains: a fast test that a text
    /// cannot hold a claim (SIMD-searched, unlike the full term automaton).
    pub(crate) stem: AhoCorasick,
}

/// Claim term spellings. Separators are expanded to hyphen, space,
/// non-breaking space and the Unicode hyphens.
const TERM_STEMS: &[&str] = &[
    "open source",
    "opensource",
    "open sourced",
    "opensourced",
    "open sourcing",
    "opensourcing",
    "open sources",
];
const SEPARATORS: &[&str] = &[" ", "-", "\u{a0}", "\u{2010}", "\u{2011}", "\u{2012}"];

fn separator_variants(s: &str) -> Vec<String> {
    if !s.contains(' ') {
        return vec![s.to_string()];
    }
    SEPARATORS.iter().map(|sep| s.replace(' ', sep)).collect()
}

/// Press spellings of an alias: "Llama-3.2" and "Llama 3.2" are the same
/// name, and so are their non-breaking variants. Only aliases with a digit
/// get hyphen/space swaps, where the swap cannot create a common word.
fn alias_variants(alias: &str) -> Vec<String> {
    let mut out = vec![alias.to_string()];
    if alias.chars().any(|c| c.is_ascii_digit()) {
        out.push(alias.replace(' ', "-"));
        out.push(alias.replace('-', " "));
        // "Llama3.2", "Qwen2.5", "Gemma3n": no separator before the version.
        out.push(joined_before_digits(alias));
    }
    let mut extra = Vec::new();
    for v in &out {
        if v.contains(' ') {
            extra.push(v.replace(' ', "\u{a0}"));
        }
        if v.contains('-') {
            extra.push(v.replace('-', "\u{2011}"));
            extra.push(v.replace('-', "\u{2010}"));
        }
    }
    out.extend(extra);
    out.sort();
    out.dedup();
    out
}

/// Drops a space or hyphen between a letter and a digit: "Llama 3.2" →
/// "Llama3.2". Between two letters or two digits the separator stays.
fn joined_before_digits(alias: &str) -> String {
    let chars: Vec<char> = alias.chars().collect();
    let mut out = String::with_capacity(alias.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = i > 0
            && (c == ' ' || c == '-')
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !between {
            out.push(c);
        }
    }
    out
}

/// The alias spellings of `glossary` (pattern `i` of the list is
/// `info[i]`): every alias and canonical name in its press spellings, each
/// lowercase spelling once and owned by the entry that lists it.
fn alias_patterns(glossary: &Glossary) -> (Vec<String>, Vec<AliasInfo>) {
    // Listed aliases win over generated variants of another entry's alias.
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, m) in glossary.models().iter().enumerate() {
        for a in m.aliases.iter().chain(std::iter::once(&m.canonical)) {
            owner.entry(a.to_lowercase()).or_insert(i);
        }
    }
    let mut patterns = Vec::new();
    let mut info = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, m) in glossary.models().iter().enumerate() {
        let mut names: Vec<&String> = m.aliases.iter().collect();
        if !m
            .aliases
            .iter()
            .any(|a| a.eq_ignore_ascii_case(&m.canonical))
        {
            names.push(&m.canonical);
        }
        let in_family = glossary.family_of(m).is_some();
        for alias in names {
            let ambiguous = m.is_ambiguous(alias);
            for v in alias_variants(alias) {
                let key = v.to_lowercase();
                if owner.get(&key).is_some_and(|&o| o != i) {
                    continue;
                }
                if seen.contains_key(&key) {
                    continue;
                }
                seen.insert(key, info.len());
                patterns.push(v);
                info.push(AliasInfo {
                    model: i,
                    alias: alias.clone(),
                    ambiguous,
                    in_family,
                });
            }
        }
    }
    (patterns, info)
}

impl Matcher {
    pub fn new(glossary: &Glossary) -> Matcher {
        let (patterns, info) = alias_patterns(glossary);
        let aliases = AliasTrie::new(&patterns);
        let term_patterns: Vec<String> = TERM_STEMS
            .iter()
            .flat_map(|s| separator_variants(s))
            .collect();
        let terms = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&term_patterns)
            .expect("fixed claim term patterns always build");
        let stem = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(["sourc"])
            .expect("a fixed one-word pattern always builds");
        Matcher {
            stem,
            aliases,
            alias_info: info,
            terms,
        }
    }

    pub fn alias_count(&self) -> usize {
        self.alias_info.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trie finds, at every word start, exactly what an automaton over
    /// the whole glossary's spellings finds there, on every fixture article
    /// and labelled sentence (names inside words, joined versions, accents).
    #[test]
    fn trie_matches_the_automaton_on_the_glossary() {
        let (patterns, _) = alias_patterns(Glossary::embedded());
        let trie = AliasTrie::new(&patterns);
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("glossary patterns");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["fixtures", "eval"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("fixture directory")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            paths.sort();
            for p in paths {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    texts.push(t);
                }
            }
        }
        assert!(texts.len() > 20, "{} texts", texts.len());
        let mut found = 0;
        for text in &texts {
            let want = crate::detect::alias_trie::reference(&ac, text, 0..text.len());
            let mut got = Vec::new();
            trie.at_word_starts(text, 0..text.len(), |p, s| got.push((p, s)));
            assert_eq!(got, want);
            found += got.len();
        }
        assert!(found > 1000, "{found} names found");
    }

    #[test]
    fn variants_cover_press_spellings() {
        let v = alias_variants("Llama 3.2");
        assert!(v.contains(&"Llama-3.2".to_string()));
        assert!(v.contains(&"Llama\u{a0}3.2".to_string()));
        assert!(v.contains(&"Llama3.2".to_string()));
        assert!(alias_variants("Gemma 3n").contains(&"Gemma3n".to_string()));
        assert!(alias_variants("Kimi-K2").contains(&"Kimi\u{2010}K2".to_string()));
        assert!(!alias_variants("Kimi K2").contains(&"KimiK2".to_string()));
        assert_eq!(alias_variants("Meta's Llama").len(), 2);
    }
}
