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

// Node and pattern numbers: a glossary holds thousands, far from the limit.
use crate::span::narrow;

/// No node: a byte that continues no alias.
const NONE: u32 = u32::MAX;

/// A node while the trie is built.
#[derive(Debug, Default, Clone)]
struct Draft {
    /// (lowercase byte, node), in the order the bytes were first added.
    children: Vec<(u8, u32)>,
    /// The patterns that end here.
    patterns: Vec<u32>,
}

/// A node of the built trie: its children and patterns are runs of
/// [`AliasTrie::edges`] and [`AliasTrie::ends`], so the trie is three
/// arrays, not two small vectors per node.
#[derive(Debug, Clone, Copy)]
struct Node {
    edges: u32,
    edge_count: u32,
    ends: u32,
    end_count: u32,
}

/// The aliases as a trie of their bytes, ASCII letters folded to lowercase
/// (what [`aho_corasick`]'s ASCII case folding matched).
#[derive(Debug, Clone)]
pub struct AliasTrie {
    /// The node of each first byte, in either case: the root's children,
    /// looked up directly.
    root: Box<[u32; 256]>,
    nodes: Vec<Node>,
    /// (lowercase byte, node) of every node's children.
    edges: Vec<(u8, u32)>,
    /// The patterns that end at every node.
    ends: Vec<u32>,
}

impl AliasTrie {
    /// The trie of `patterns`; pattern `i` is reported as `i`.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> AliasTrie {
        let mut root = Box::new([NONE; 256]);
        let mut drafts: Vec<Draft> = Vec::new();
        let add = |drafts: &mut Vec<Draft>| {
            drafts.push(Draft::default());
            narrow(drafts.len() - 1)
        };
        for (id, pattern) in patterns.iter().enumerate() {
            let mut bytes = pattern.as_ref().bytes().map(|b| b.to_ascii_lowercase());
            let Some(first) = bytes.next() else {
                continue;
            };
            let mut node = match root[usize::from(first)] {
                NONE => {
                    let n = add(&mut drafts);
                    root[usize::from(first)] = n;
                    root[usize::from(first.to_ascii_uppercase())] = n;
                    n
                }
                n => n,
            };
            for b in bytes {
                let known = drafts
                    .get(node as usize)
                    .and_then(|d| d.children.iter().find(|&&(c, _)| c == b))
                    .map(|&(_, n)| n);
                node = match known {
                    Some(n) => n,
                    None => {
                        let n = add(&mut drafts);
                        if let Some(parent) = drafts.get_mut(node as usize) {
                            parent.children.push((b, n));
                        }
                        n
                    }
                };
            }
            if let Some(end) = drafts.get_mut(node as usize) {
                end.patterns.push(narrow(id));
            }
        }
        let mut trie = AliasTrie {
            root,
            nodes: Vec::with_capacity(drafts.len()),
            edges: Vec::with_capacity(drafts.len()),
            ends: Vec::with_capacity(patterns.len()),
        };
        for d in drafts {
            trie.nodes.push(Node {
                edges: narrow(trie.edges.len()),
                edge_count: narrow(d.children.len()),
                ends: narrow(trie.ends.len()),
                end_count: narrow(d.patterns.len()),
            });
            trie.edges.extend(d.children);
            trie.ends.extend(d.patterns);
        }
        trie
    }

    fn children(&self, n: &Node) -> &[(u8, u32)] {
        let at = n.edges as usize;
        self.edges
            .get(at..at + n.edge_count as usize)
            .unwrap_or(&[])
    }

    fn patterns(&self, n: &Node) -> &[u32] {
        let at = n.ends as usize;
        self.ends.get(at..at + n.end_count as usize).unwrap_or(&[])
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
            if !in_word {
                // Every alias starts with a character's first byte, so a
                // position with a node lies on a character boundary.
                let node = self.root[usize::from(b)];
                if node != NONE {
                    self.walk(bytes, at, end, node, &mut found);
                }
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

    /// Reports the patterns along the path from `node`, the node of the
    /// byte at `at`, as far as `text` (ending at `end`) follows it.
    fn walk(
        &self,
        bytes: &[u8],
        at: usize,
        end: usize,
        mut node: u32,
        found: &mut impl FnMut(usize, Range<usize>),
    ) {
        let mut next = at + 1;
        while let Some(n) = self.nodes.get(node as usize) {
            for &p in self.patterns(n) {
                found(p as usize, at..next);
            }
            let Some(&b) = bytes.get(next).filter(|_| next < end) else {
                return;
            };
            let b = b.to_ascii_lowercase();
            match self.children(n).iter().find(|&&(c, _)| c == b) {
                Some(&(_, child)) => node = child,
                None => return,
            }
            next += 1;
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
