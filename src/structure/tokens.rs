//! Tokens with coarse word classes: the sentence's words, with each model
//! mention and each claim term merged into one token, and closed-class roles
//! from the language's lexicon.

use std::ops::Range;

use compact_str::CompactString;

use super::lexicon::{Lexicon, Roles};
use crate::detect::{ClaimTerm, Mention};
use crate::rules::Tok as Word;
use crate::text::words::{lower_ascii, TokenKind};

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Word,
    Number,
    Punct,
    /// A model mention: index into the document's mentions.
    Model(usize),
    /// A claim term: index into the sentence's terms.
    Term(usize),
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Absolute plain-text range.
    pub span: Range<usize>,
    /// Lowercased, with Unicode hyphens (U+2010, U+2011) as '-'.
    pub lower: CompactString,
    pub class: Class,
    pub roles: Roles,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Ends in a possessive "'s" ("Meta's", "Llama 3's").
    pub possessive: bool,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        self.class == Class::Punct && self.lower == p
    }

    pub fn model(&self) -> Option<usize> {
        match self.class {
            Class::Model(m) => Some(m),
            _ => None,
        }
    }
}

fn normalise(s: &str) -> CompactString {
    if s.is_ascii() {
        return lower_ascii(s);
    }
    s.chars()
        .map(|c| match c {
            '\u{2010}' | '\u{2011}' => '-',
            '’' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn ends_possessive(s: &str) -> bool {
    s.ends_with("'s") || s.ends_with("’s") || s.ends_with("s'") || s.ends_with("s’")
}

/// Tokens of a sentence from its `base` words (the rules' context's words,
/// segmented and lowercased once for the sentence); mentions
/// (`here` of `mentions`) and `terms` are each one token.
pub fn tokenize(
    text: &str,
    base: &[Word],
    mentions: &[Mention],
    here: Range<usize>,
    terms: &[ClaimTerm],
    lex: &Lexicon,
) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(base.len());
    let mut i = 0;
    while i < base.len() {
        let start = base[i].span.start;
        let merged = mentions
            .get(here.clone())
            .unwrap_or(&[])
            .iter()
            .position(|m| m.plain.start <= start && start < m.plain.end)
            .map(|k| {
                (
                    Class::Model(here.start + k),
                    mentions[here.start + k].plain.end,
                )
            })
            .or_else(|| {
                terms
                    .iter()
                    .position(|t| t.word.start <= start && start < t.word.end)
                    .map(|k| (Class::Term(k), terms[k].word.end))
            });
        if let Some((class, end)) = merged {
            let mut j = i;
            while j < base.len() && base[j].span.start < end {
                j += 1;
            }
            let mut j = j.max(i + 1);
            let mut last = base[j - 1].span.end;
            // "Gemma 3's": the segmenter leaves "'s" after a number as two
            // tokens; they make the name possessive.
            let apostrophe = base.get(j).is_some_and(|a| {
                a.span.start == last && matches!(text.get(a.span.clone()), Some("'" | "’"))
            });
            let s_after = apostrophe
                && base.get(j + 1).is_some_and(|s| {
                    s.span.start == base[j].span.end
                        && text
                            .get(s.span.clone())
                            .is_some_and(|w| w.eq_ignore_ascii_case("s"))
                });
            if s_after && matches!(class, Class::Model(_)) {
                last = base[j + 1].span.end;
                j += 2;
            }
            let raw = text.get(start..last).unwrap_or("");
            out.push(Token {
                span: start..last,
                lower: normalise(raw),
                class,
                roles: Roles::default(),
                cap: raw.chars().next().is_some_and(char::is_uppercase),
                possessive: ends_possessive(raw),
            });
            i = j;
            continue;
        }
        let t = &base[i];
        let raw = text.get(t.span.clone()).unwrap_or("");
        // An ASCII word's normal form is the context's lowercase.
        let lower = if raw.is_ascii() {
            t.lower.clone()
        } else {
            normalise(raw)
        };
        let class = match t.kind {
            TokenKind::Number => Class::Number,
            TokenKind::Punct => Class::Punct,
            _ => Class::Word,
        };
        let roles = if class == Class::Word {
            lex.roles(&lower)
        } else {
            Roles::default()
        };
        out.push(Token {
            span: t.span.clone(),
            cap: raw.chars().next().is_some_and(char::is_uppercase),
            possessive: class == Class::Word && ends_possessive(raw),
            lower,
            class,
            roles,
        });
        i += 1;
    }
    out
}
