//! Cue phrases and clauses. A clause is a stretch of the sentence between
//! boundaries (semicolons, brackets, dashes, colons, subordinators); the
//! operators found in it (negation, condition, attribution, hedge,
//! dispute) scope over the predicative claims inside it.

use std::ops::Range;

use super::lexicon::{Lexicon, Role};
use super::tokens::{Class, Token};

/// A lexicon entry found in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub role: Role,
    /// Token range of the cue.
    pub toks: Range<usize>,
}

/// Every cue of the cue roles, in token order. Linear in the sentence:
/// each token looks up the phrases that start with it.
pub fn cues(toks: &[Token], lex: &Lexicon) -> Vec<Cue> {
    const CUE_ROLES: &[Role] = &[
        Role::Negator,
        Role::LexicalNegation,
        Role::Dispute,
        Role::Hedge,
        Role::Reporting,
        Role::Labelling,
        Role::Exemplifier,
        Role::Contrast,
        Role::Naming,
        Role::Causative,
        Role::Condition,
        Role::Copula,
    ];
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.class != Class::Word {
            continue;
        }
        for p in lex.phrases_from(&t.lower) {
            let n = p.words.len();
            let matches = toks
                .get(i..i + n)
                .is_some_and(|w| w.iter().zip(&p.words).all(|(t, word)| t.lower == *word));
            if matches && CUE_ROLES.contains(&p.role) {
                out.push(Cue {
                    role: p.role,
                    toks: i..i + n,
                });
            }
        }
        // Most words have no role: the roles below need not be asked.
        if t.roles.is_empty() {
            continue;
        }
        // "good not just for Meta but for the industry", "niet alleen
        // snel maar ook open": a focus phrase, not a negation.
        let focus = toks.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "just" | "only" | "merely" | "simply" | "alleen" | "enkel" | "slechts"
            )
        });
        for r in CUE_ROLES {
            if *r == Role::Negator && focus {
                continue;
            }
            if t.roles.has(*r) {
                out.push(Cue {
                    role: *r,
                    toks: i..i + 1,
                });
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    Subordinate,
    Relative,
    Conditional,
    /// Inside brackets or dashes.
    Parenthetical,
    /// The complement of a reporting frame: "… said that X".
    Reported,
}

impl ClauseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseKind::Main => "main",
            ClauseKind::Subordinate => "subordinate",
            ClauseKind::Relative => "relative",
            ClauseKind::Conditional => "conditional",
            ClauseKind::Parenthetical => "parenthetical",
            ClauseKind::Reported => "reported",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub toks: Range<usize>,
    pub kind: ClauseKind,
}

fn is_boundary_punct(t: &Token) -> bool {
    t.class == Class::Punct
        && matches!(
            t.lower.as_str(),
            ";" | "(" | ")" | "—" | "–" | "[" | "]" | ":"
        )
}

/// The clauses of a sentence, covering every token once, in order.
pub fn clauses(toks: &[Token], cues: &[Cue]) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let mut start = 0;
    let mut kind = ClauseKind::Main;
    let reporting_before = |i: usize| {
        cues.iter()
            .any(|c| c.role == Role::Reporting && c.toks.end == i)
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let prev_comma = i > 0 && toks[i - 1].is_punct(",");
        let next_is_content = toks
            .get(i + 1)
            .is_some_and(|n| n.class != Class::Punct && n.roles.is_empty());
        let new_kind = if is_boundary_punct(t) {
            if matches!(t.lower.as_str(), "(" | "[") {
                Some(ClauseKind::Parenthetical)
            } else if matches!(t.lower.as_str(), ")" | "]") {
                Some(ClauseKind::Main)
            } else if matches!(t.lower.as_str(), "—" | "–") {
                Some(if kind == ClauseKind::Parenthetical {
                    ClauseKind::Main
                } else {
                    ClauseKind::Parenthetical
                })
            } else {
                Some(ClauseKind::Main)
            }
        } else if t.class == Class::Word && t.roles.has(Role::Condition) && (i == 0 || prev_comma) {
            Some(ClauseKind::Conditional)
        } else if t.class == Class::Word && t.roles.has(Role::Relative) && prev_comma {
            Some(ClauseKind::Relative)
        } else if t.class == Class::Word
            && t.roles.has(Role::Subordinator)
            && !(t.roles.has(Role::Determiner) && next_is_content)
        {
            Some(if reporting_before(i) {
                ClauseKind::Reported
            } else {
                ClauseKind::Subordinate
            })
        } else if t.is_punct(",")
            && matches!(kind, ClauseKind::Conditional | ClauseKind::Subordinate)
            && out.is_empty()
        {
            // "If X, Y" / "Although X, Y": the fronted clause ends at its comma.
            Some(ClauseKind::Main)
        } else {
            None
        };
        if let Some(k) = new_kind {
            if i > start {
                out.push(Clause {
                    toks: start..i,
                    kind,
                });
            }
            start = i;
            kind = k;
        }
        i += 1;
    }
    if start < toks.len() || out.is_empty() {
        out.push(Clause {
            toks: start..toks.len(),
            kind,
        });
    }
    out
}
