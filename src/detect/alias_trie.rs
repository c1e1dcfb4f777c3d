//! Every alias that starts at a word start, found by walking a trie from
//! each such position.
//!
//! A model name counts only where it does not continue a word (see
//! [`super::mentions`]), so there is no need to look for one anywhere else.
//! An Aho-Corasick automaton over the two thousand aliases and their
//! spellings reported every occurrence inside words too ("Phi" in
//! "Philips", "Yi" in "yield"), and walked its failure links at every byte:
//! it was an eighth of the analysis of claim-dense text and half the start-up
//! of every run. The trie reads a byte per position that no alias starts
//! with, and a few more at a word that begins like one.

use std::ops::Range;

use crate::text::byte_trie::ByteTrie;

/// The aliases as a trie of their bytes, ASCII letters folded to lowercase
/// (what [`aho_corasick`]'s ASCII case folding matched).
#[derive(Debug, Clone)]
pub struct AliasTrie {
    trie: ByteTrie,
}

impl AliasTrie {
    /// The trie of `patterns`; pattern `i` is reported as `i`.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> AliasTrie {
        AliasTrie {
            trie: ByteTrie::new(patterns, true),
        }
    }

    /// Calls `found(pattern, span)` for every pattern that occurs in
    /// `text[range]` at a word start: a position not preceded by a letter,
    /// a digit or `_` (read in the whole of `text`). In order of position
    /// and, at one position, of length.
    pub fn at_word_starts(
        &self,
        text: &str,
        range: Range<usize>,
        mut found: impl FnMut(usize, Range<usize>),
    ) {
        let bytes = text.as_bytes();
        let end = range.end.min(bytes.len());
        let mut in_word = text
            .get(..range.start)
            .and_then(|before| before.chars().next_back())
            .is_some_and(continues_word);
        for at in range.start..end {
            let Some(&b) = bytes.get(at) else {
                break;
            };
            // Every alias starts with a character's first byte, so a
            // position where one starts lies on a character boundary.
            if !in_word && self.trie.starts_with(b) {
                self.trie
                    .walk(bytes, at, end, &mut |p, next| found(p, at..next));
            }
            in_word = match BYTE_CLASS[usize::from(b)] {
                Class::Space => false,
                Class::Word => true,
                Class::Continuation => in_word,
                Class::Lead => text
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(continues_word),
            };
        }
    }
}

/// What a byte says of the character it is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ASCII that is no letter, digit or `_`: a name may start after it.
    Space,
    /// An ASCII letter, digit or `_`.
    Word,
    /// A UTF-8 continuation byte: the character started before it.
    Continuation,
    /// The first byte of a character outside ASCII, which must be decoded.
    Lead,
}

/// The [`Class`] of every byte: the scan reads one table entry per byte.
static BYTE_CLASS: [Class; 256] = {
    let mut table = [Class::Space; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() || byte == b'_' {
            Class::Word
        } else if byte < 0x80 {
            Class::Space
        } else if byte < 0xC0 {
            Class::Continuation
        } else {
            Class::Lead
        };
        b += 1;
    }
    table
};

/// A character after which a name would continue a word.
fn continues_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// What the Aho-Corasick automaton the trie replaced finds in
/// `text[range]` (`ac` built from the patterns with ASCII case folding,
/// standard overlapping matches), kept at word starts and in the trie's
/// order: the reference the tests hold the trie to.
#[cfg(test)]
pub(super) fn reference(
    ac: &aho_corasick::AhoCorasick,
    text: &str,
    range: Range<usize>,
) -> Vec<(usize, Range<usize>)> {
    let starts = |at: usize| {
        !text
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_some_and(continues_word)
    };
    let mut out: Vec<(usize, Range<usize>)> = ac
        .find_overlapping_iter(text.get(range.clone()).unwrap_or(""))
        .map(|m| {
            (
                m.pattern().as_usize(),
                range.start + m.start()..range.start + m.end(),
            )
        })
        .filter(|(_, s)| starts(s.start))
        .collect();
    out.sort_by_key(|(p, s)| (s.start, s.end, *p));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};
    use proptest::prelude::*;

    fn trie(patterns: &[&str], text: &str, range: Range<usize>) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        AliasTrie::new(patterns).at_word_starts(text, range, |p, s| out.push((p, s)));
        out
    }

    fn expected(patterns: &[&str], text: &str, range: Range<usize>) -> Vec<(usize, Range<usize>)> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("test patterns");
        reference(&ac, text, range)
    }

    const PATTERNS: &[&str] = &[
        "Llama",
        "Llama 3",
        "Llama 3.1",
        "Llama3",
        "Phi",
        "Phi-3",
        "Yi",
        "Qwen",
        "Qwen2.5",
        "GPT-4o",
        "Mistral",
        "Mistral Small",
        "Ça",
        "BLOOMZ",
        "BLOOM",
    ];

    #[test]
    fn finds_what_the_automaton_found_at_word_starts() {
        let text = "Philips' Llama 3.1 and LLAMA3, yield Yi-34B; Qwen2.5/qwen. GPT-4o. \
                    Ça va, éPhi, _Phi, BLOOMZ";
        let want = expected(PATTERNS, text, 0..text.len());
        assert_eq!(trie(PATTERNS, text, 0..text.len()), want);
        let names: Vec<&str> = want.iter().map(|(p, _)| PATTERNS[*p]).collect();
        assert!(
            names.contains(&"Llama 3.1") && names.contains(&"Ça") && names.contains(&"BLOOMZ"),
            "{names:?}"
        );
        // "Phi" at the start of "Philips" is found (the caller asks what
        // follows a name); in "éPhi" and "_Phi" it continues a word.
        assert_eq!(
            names.iter().filter(|&&n| n == "Phi").count(),
            1,
            "{names:?}"
        );
        // A range ends the matches inside it, and the text before it decides
        // whether its first byte starts a word.
        assert_eq!(trie(PATTERNS, text, 9..17), expected(PATTERNS, text, 9..17));
        assert!(!trie(PATTERNS, text, 9..17).is_empty());
        assert!(trie(PATTERNS, text, 10..17).is_empty());
    }

    proptest! {
        #[test]
        fn agrees_with_the_automaton(
            picks in proptest::collection::vec(0..12usize, 0..40),
            a in 0..60usize,
            b in 0..60usize,
        ) {
            const PIECES: &[&str] =
                &["Llama", "lla", "ma", " ", "3", ".1", "phi", "-", "Yi", "ÇA", "ç", "_"];
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let (mut a, mut b) = (a.min(b).min(text.len()), b.max(a).min(text.len()));
            while !text.is_char_boundary(a) { a -= 1; }
            while !text.is_char_boundary(b) { b -= 1; }
            let (a, b) = (a.min(b), a.max(b));
            prop_assert_eq!(trie(PATTERNS, &text, a..b), expected(PATTERNS, &text, a..b));
        }
    }
}
