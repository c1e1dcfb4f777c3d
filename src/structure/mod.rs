//! The structure of one sentence that holds a claim term: tokens with
//! coarse word classes, the term's noun-phrase chunk, clauses, cue
//! operators and the relations that tie each term to models. Built once
//! per sentence (never per term), in time linear in the sentence, and read
//! by the rules instead of word distances.

pub mod clauses;
pub mod lexicon;
pub mod relations;
pub mod tokens;

use std::fmt::Write as _;
use std::ops::Range;

use crate::detect::{ClaimTerm, Mention};
use crate::Lang;

pub use clauses::{Clause, ClauseKind, Cue};
pub use lexicon::{Lexicon, Role};
pub use relations::{Chunk, HeadKind, Relation, RelationKind};
pub use tokens::{Class, Token};

/// What kind of question a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// "Is Llama open source?": asks about the label.
    YesNo,
    /// "Why did Meta make it open source?": presupposes it.
    Wh,
}

#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub lang: Lang,
    pub sentence: Range<usize>,
    pub tokens: Vec<Token>,
    pub cues: Vec<Cue>,
    pub clauses: Vec<Clause>,
    /// The sentence's claim terms (plain ranges), in order.
    pub terms: Vec<Range<usize>>,
    /// One chunk per term, same order.
    pub chunks: Vec<Chunk>,
    pub relations: Vec<Relation>,
    /// Where the question begins, as a token index: a declarative clause
    /// before a coordinated question ("Llama is open source, but why does it
    /// matter?") is not asked. Each entry starts a part of the sentence and
    /// says whether that part asks, and how.
    pub question_parts: Vec<(usize, Option<Question>)>,
}

impl Structure {
    /// Builds the structure of `sentence`; `terms` are the claim terms that
    /// lie in it, `here` the mentions that do.
    pub fn build(
        text: &str,
        sentence: Range<usize>,
        words: &[crate::rules::Tok],
        mentions: &[Mention],
        here: Range<usize>,
        terms: &[ClaimTerm],
        lang: Lang,
    ) -> Structure {
        let lex = lexicon::embedded(lang);
        let toks = tokens::tokenize(text, words, mentions, here, terms, lex);
        let cues = clauses::cues(&toks, lex);
        let clauses = clauses::clauses(&toks, &cues);
        let mut chunks = Vec::with_capacity(terms.len());
        let mut relations = Vec::with_capacity(terms.len());
        let mut kept_terms = Vec::with_capacity(terms.len());
        for (k, term) in terms.iter().enumerate() {
            let Some(ti) = toks.iter().position(|t| t.class == Class::Term(k)) else {
                continue;
            };
            let c = relations::chunk(&toks, ti, term, lex);
            relations.extend(relations::relate(
                &toks,
                &cues,
                kept_terms.len(),
                &c,
                &term.form,
            ));
            chunks.push(c);
            kept_terms.push(term.plain.clone());
        }
        let question_parts = Self::question_parts(&toks);
        Structure {
            lang,
            sentence,
            tokens: toks,
            cues,
            clauses,
            terms: kept_terms,
            chunks,
            relations,
            question_parts,
        }
    }

    /// The parts of a sentence that ends in a question mark, split after the
    /// last colon or full stop ("Llama 3: why …?") and before a conjunction
    /// that opens a new question ("… open source, but why …?", "What is
    /// Llama and why …?"). A part asks when it starts with a question word
    /// or a verb, or when it is the last part.
    fn question_parts(toks: &[Token]) -> Vec<(usize, Option<Question>)> {
        let Some(last) = toks
            .iter()
            .rposition(|t| t.class != Class::Punct || t.lower == "?")
        else {
            return vec![(0, None)];
        };
        if toks[last].lower != "?" {
            return vec![(0, None)];
        }
        let start = toks[..last]
            .iter()
            .rposition(|t| t.is_punct(":") || t.is_punct("."))
            .map(|i| i + 1)
            .unwrap_or(0);
        let opens_question = |t: &Token| {
            t.roles.has(Role::QuestionWord)
                || (t.roles.has(Role::Auxiliary) || t.roles.has(Role::Copula))
        };
        let mut starts = vec![start];
        for i in start + 1..last {
            let t = &toks[i];
            let conj = matches!(
                t.lower.as_str(),
                "and" | "but" | "or" | "so" | "yet" | "en" | "maar" | "of" | "dus"
            );
            if conj
                && toks.get(i + 1).is_some_and(|n| {
                    n.class == Class::Word && n.roles.has(Role::QuestionWord)
                        || (toks[i - 1].is_punct(",") && opens_question(n))
                })
            {
                starts.push(i + 1);
            }
        }
        let mut parts = vec![(0, None)];
        let n = starts.len();
        for (k, &s) in starts.iter().enumerate() {
            let first = toks[s..last].iter().find(|t| t.class != Class::Punct);
            let asks = first.is_some_and(|f| f.class == Class::Word && opens_question(f));
            let kind = if !asks && k + 1 < n {
                None
            } else {
                // "Which", "how (open)" and "what" ask about the label itself
                // ("How open source is Llama?", "Wat is er open source aan Llama?").
                let wh = first.is_some_and(|f| {
                    f.roles.has(Role::QuestionWord)
                        && !matches!(
                            f.lower.as_str(),
                            "which" | "welke" | "welk" | "whether" | "how" | "hoe" | "what" | "wat"
                        )
                });
                Some(if wh { Question::Wh } else { Question::YesNo })
            };
            parts.push((s, kind));
        }
        parts
    }

    /// Whether, and how, the sentence's last part asks: the sentence's own
    /// question, if any.
    pub fn question(&self) -> Option<Question> {
        self.question_parts.last().and_then(|p| p.1)
    }

    /// Whether, and how, the part of the sentence holding token `i` asks.
    pub fn question_at(&self, i: usize) -> Option<Question> {
        self.question_parts
            .iter()
            .rev()
            .find(|p| p.0 <= i)
            .and_then(|p| p.1)
    }

    /// Index of the term whose plain range is `plain`.
    pub fn term_index(&self, plain: &Range<usize>) -> Option<usize> {
        self.terms.iter().position(|t| t == plain)
    }

    /// The noun-phrase chunk of the term whose plain range is `plain`.
    pub fn chunk_of(&self, plain: &Range<usize>) -> Option<&Chunk> {
        self.chunks.get(self.term_index(plain)?)
    }

    /// The first cue within token range `r` that denies or disputes: a
    /// negator, a negating phrase or a dispute word.
    pub fn denial_in(&self, r: Range<usize>) -> Option<&Cue> {
        self.cues.iter().find(|c| {
            matches!(
                c.role,
                lexicon::Role::Negator | lexicon::Role::LexicalNegation | lexicon::Role::Dispute
            ) && c.toks.start >= r.start
                && c.toks.end <= r.end
        })
    }

    /// The plain offset where token `i` starts.
    pub fn start_of(&self, i: usize) -> Option<usize> {
        self.tokens.get(i).map(|t| t.span.start)
    }

    /// The relations of term `k`, most specific first.
    pub fn relations_of(&self, k: usize) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(move |r| r.term == k)
    }

    /// The clause holding token `i`.
    pub fn clause_of(&self, i: usize) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.toks.contains(&i))
    }

    /// Cues of `role` within token range `r`.
    pub fn cues_in(&self, role: Role, r: Range<usize>) -> impl Iterator<Item = &Cue> {
        self.cues
            .iter()
            .filter(move |c| c.role == role && c.toks.start >= r.start && c.toks.end <= r.end)
    }

    /// The text of a token range.
    pub fn words<'t>(&self, text: &'t str, r: Range<usize>) -> &'t str {
        let (Some(a), Some(b)) = (
            self.tokens.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) else {
            return "";
        };
        text.get(a.span.start..b.span.end).unwrap_or("")
    }

    /// A readable account of the structure, for `explain --sentence` and
    /// `check --explain`.
    /// One line on where the term at `plain` sits: its phrase, head and
    /// clause, for `check --explain`.
    pub fn term_summary(&self, text: &str, plain: &Range<usize>) -> Option<String> {
        let c = self.chunk_of(plain)?;
        let head = self
            .tokens
            .get(c.head)
            .and_then(|t| text.get(t.span.clone()))
            .unwrap_or("");
        let clause = self
            .clause_of(c.term)
            .map(|cl| cl.kind.as_str())
            .unwrap_or("main");
        Some(format!(
            "phrase \"{}\", head \"{head}\" ({:?}), {clause} clause",
            self.words(text, c.toks.clone()),
            c.head_kind
        ))
    }

    pub fn describe(&self, text: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "tokens:");
        for (i, t) in self.tokens.iter().enumerate() {
            let class = match t.class {
                Class::Word if t.cap => "proper?".to_string(),
                Class::Word => "word".to_string(),
                Class::Number => "number".to_string(),
                Class::Punct => "punct".to_string(),
                Class::Model(_) => "MODEL".to_string(),
                Class::Term(_) => "TERM".to_string(),
            };
            let roles = t.roles.names().join(",");
            let _ = writeln!(
                out,
                "  {i:>3} {:<24} {class}{}{}",
                text.get(t.span.clone()).unwrap_or(""),
                if roles.is_empty() {
                    String::new()
                } else {
                    format!(" [{roles}]")
                },
                if t.possessive { " possessive" } else { "" }
            );
        }
        let _ = writeln!(out, "clauses:");
        for c in &self.clauses {
            let _ = writeln!(
                out,
                "  {:<13} {}",
                c.kind.as_str(),
                self.words(text, c.toks.clone())
            );
        }
        if !self.cues.is_empty() {
            let _ = writeln!(out, "cues:");
            for c in &self.cues {
                if matches!(c.role, Role::Copula) {
                    continue;
                }
                let _ = writeln!(
                    out,
                    "  {:<17} {}",
                    c.role.as_str(),
                    self.words(text, c.toks.clone())
                );
            }
        }
        if let Some(q) = self.question() {
            let _ = writeln!(
                out,
                "question: {}",
                match q {
                    Question::YesNo => "yes/no (asks about the label)",
                    Question::Wh => "wh- (presupposes the label)",
                }
            );
        }
        for (k, c) in self.chunks.iter().enumerate() {
            let _ = writeln!(
                out,
                "term {:?}: chunk \"{}\", head \"{}\" ({:?})",
                text.get(self.terms[k].clone()).unwrap_or(""),
                self.words(text, c.toks.clone()),
                self.words(text, c.head..c.head + 1),
                c.head_kind
            );
            let mut any = false;
            for r in self.relations_of(k) {
                any = true;
                let names: Vec<&str> = r
                    .mentions
                    .iter()
                    .filter_map(|m| self.tokens.iter().find(|t| t.class == Class::Model(*m)))
                    .map(|t| text.get(t.span.clone()).unwrap_or(""))
                    .collect();
                let _ = writeln!(
                    out,
                    "  relation {} via \"{}\" -> {}",
                    r.kind.as_str(),
                    self.words(text, r.via..r.via + 1),
                    names.join(", ")
                );
            }
            if !any {
                let _ = writeln!(out, "  no structural relation to a model");
            }
        }
        out
    }
}
