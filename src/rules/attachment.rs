//! What the term describes. A claim counts only when the term describes the
//! model: "open-source Llama", "Llama is open source", "Llama, an open-source
//! model", "open-source models like Llama and Mixtral". When it describes
//! something else ("open-source tools to build Llama", "the inference code
//! for NVLM is open source") the mentions are dismissed.

use std::ops::Range;

use super::{Attachment, Context, Judgment, Reason, RelationKind, Rule, Subject};
use crate::detect::{ClaimForm, ClaimTerm};
use crate::text::lexicon::{CONTRASTS, COPULAS};
use crate::text::words::TokenKind;

pub struct Attach;

use crate::text::lexicon::{classify_head as classify, Head};

/// Words that may not stand between a model and an attributive term joined
/// to it by a copula or comma: they introduce a comparison or a second
/// subject ("Llama 3 is better than open-source models").
const BLOCKING_GAP: &[&str] = &[
    "than",
    "dan",
    "with",
    "met",
    "against",
    "tegen",
    "beats",
    "verslaat",
    "outperforms",
    "versus",
    "vs",
    "unlike",
    "over",
    "boven",
    "and",
    "en",
    "or",
    "uses",
    "gebruikt",
    "like",
    "zoals",
    "needs",
    "rivals",
    "challenges",
    "on",
    "op",
    "from",
    "into",
    "replaces",
    "vervangt",
    "after",
    "na",
    "before",
    "voor",
    "to",
    "naar",
];

/// Gap words that link a model to a following description.
fn links(ctx: &Context<'_>, gap: Range<usize>) -> bool {
    let toks = ctx.toks_in(gap);
    if toks.len() > 9 {
        return false;
    }
    if toks
        .iter()
        .any(|t| BLOCKING_GAP.contains(&t.lower.as_str()))
    {
        return false;
    }
    toks.iter().any(|t| {
        COPULAS.contains(&t.lower.as_str())
            || matches!(
                t.lower.as_str(),
                "," | ":" | "as" | "als" | "its" | "zijn" | "haar" | "hun" | "tot" | "among"
            )
    })
}

/// A model right after "unlike", "anders dan", "in tegenstelling tot" is
/// what the claim is set against, never its subject.
pub(crate) fn contrasted(ctx: &Context<'_>, mention: usize) -> bool {
    let start = ctx.mention_span(mention).start;
    let i = ctx.tok_at_or_after(start);
    let from = ctx
        .toks
        .get(i.saturating_sub(4))
        .map(|t| t.span.start)
        .unwrap_or(ctx.sentence.start);
    ctx.find_any(from..start, CONTRASTS)
        .is_some_and(|(cue, at)| ctx.slice(at + cue.len()..start).trim().is_empty())
}

/// Mentions chained to `first` by commas and conjunctions, in order.
pub(crate) fn chain(ctx: &Context<'_>, first: usize, forward: bool) -> Vec<usize> {
    const JOINERS: &[&str] = &[
        "",
        ",",
        "and",
        "en",
        "or",
        "of",
        "&",
        ", and",
        ", en",
        ", or",
        "as well as",
        "en ook",
        "plus",
    ];
    let mut out = vec![first];
    let mut cur = first;
    let mut conjoined = false;
    loop {
        let next = if forward {
            cur + 1
        } else {
            cur.wrapping_sub(1)
        };
        if !ctx.here.contains(&next) {
            break;
        }
        let (a, b) = if forward {
            (ctx.mention_span(cur).end, ctx.mention_span(next).start)
        } else {
            (ctx.mention_span(next).end, ctx.mention_span(cur).start)
        };
        let gap = ctx.slice(a..b).trim().to_lowercase();
        if JOINERS.contains(&gap.as_str()) && !contrasted(ctx, next) {
            conjoined |= gap != "," && !gap.is_empty();
            out.push(next);
            cur = next;
        } else {
            break;
        }
    }
    // "A, B and C" is a list; "the open-source GPT-2, GPT-3.5 has …" is not.
    if out.len() > 1 && !conjoined {
        out.truncate(1);
    }
    if !forward {
        out.reverse();
    }
    out
}

/// Why a mention is the complement of another noun rather than a subject:
/// "the inference code for NVLM", "Llama 3's license".
pub(crate) fn other_relation(ctx: &Context<'_>, mention: usize) -> Option<String> {
    let span = ctx.mention_span(mention);
    let after = ctx.slice(span.end..ctx.sentence.end);
    let after_lower = after.to_lowercase();
    // "de Qwen-licentie", "the Llama-based tools"
    if let Some(rest) = after_lower.strip_prefix('-') {
        let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        if classify(&word) == Head::Other {
            return Some(word);
        }
    }
    if let Some(rest) = after_lower
        .strip_prefix("'s ")
        .or_else(|| after_lower.strip_prefix("’s "))
    {
        let next = rest
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        let second = rest.split_whitespace().nth(1).unwrap_or("");
        if classify(next) == Head::Other {
            return Some(next.to_string());
        }
        if classify(second.trim_matches(|c: char| !c.is_alphanumeric())) == Head::Other
            && !second.is_empty()
        {
            return Some(second.to_string());
        }
    }
    let before_idx = ctx.tok_at_or_after(span.start);
    const PREPS: &[&str] = &[
        "for", "of", "van", "voor", "behind", "achter", "from", "bij", "around", "rond", "rondom",
        "in", "to", "naar", "behind",
    ];
    let lo = before_idx.saturating_sub(4);
    let window = &ctx.toks[lo..before_idx];
    if let Some(last) = window.last() {
        if PREPS.contains(&last.lower.as_str()) {
            for t in window.iter().rev().skip(1) {
                if t.kind == TokenKind::Punct {
                    break;
                }
                if classify(&t.lower) == Head::Other {
                    return Some(t.lower.to_string());
                }
            }
        }
    }
    None
}

impl Attach {
    fn add(&self, j: &mut Judgment, mentions: Vec<usize>, attachment: Attachment) {
        for m in mentions {
            if !j.subjects.iter().any(|s| s.mention == m) {
                j.subjects.push(Subject {
                    mention: m,
                    attachment,
                });
            }
        }
    }

    fn dismiss_all(&self, ctx: &Context<'_>, j: &mut Judgment, at: usize, message: String) {
        for m in ctx.sentence_mentions() {
            j.dismissed.push((
                m,
                Reason {
                    rule: "attachment",
                    message: message.clone(),
                    at,
                },
            ));
        }
    }

    /// First mention that starts right after `at` (only spaces between).
    fn mention_right_after(&self, ctx: &Context<'_>, at: usize) -> Option<usize> {
        ctx.sentence_mentions().find(|&m| {
            let s = ctx.mention_span(m);
            s.start >= at
                && ctx
                    .slice(at..s.start)
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}')
        })
    }

    fn nearest_before(&self, ctx: &Context<'_>, clause: &Range<usize>, at: usize) -> Option<usize> {
        ctx.sentence_mentions().rev().find(|&m| {
            let s = ctx.mention_span(m);
            s.end <= at && s.start >= clause.start && !contrasted(ctx, m)
        })
    }

    fn first_after(&self, ctx: &Context<'_>, clause: &Range<usize>, at: usize) -> Option<usize> {
        ctx.sentence_mentions().find(|&m| {
            let s = ctx.mention_span(m);
            s.start >= at && s.end <= clause.end && !contrasted(ctx, m)
        })
    }

    /// "heavyweights such as DBRX, Command R+ and Mixtral": the first model of
    /// a list that an explicit cue introduces right after the noun phrase.
    fn list_after(&self, ctx: &Context<'_>, np_end: usize, clause: &Range<usize>) -> Option<usize> {
        let rest = ctx.slice(np_end..clause.end.max(np_end)).to_lowercase();
        let trimmed = rest.trim_start_matches([' ', ',']);
        let lead = rest.len() - trimmed.len();
        [
            "such as ",
            "like ",
            "zoals ",
            "including ",
            "waaronder ",
            "as well as ",
        ]
        .iter()
        .find(|c| trimmed.starts_with(*c))
        .and_then(|c| self.mention_right_after(ctx, np_end + lead + c.len()))
    }

    /// A noun phrase about a model, tied to the nearest model before it by
    /// a copula, a comma (apposition), "as"/"als" or "tot". With a head noun
    /// of unknown kind the gap must be short and hold only linking words.
    fn link_back(
        &self,
        ctx: &Context<'_>,
        term: &ClaimTerm,
        clause: &Range<usize>,
        strict: bool,
        j: &mut Judgment,
    ) -> bool {
        let Some(m) = self.nearest_before(ctx, clause, term.plain.start) else {
            return false;
        };
        let gap = ctx.mention_span(m).end..term.plain.start;
        if !links(ctx, gap.clone()) || other_relation(ctx, m).is_some() {
            return false;
        }
        if strict {
            const LIGHT: &[&str] = &[
                ",", "is", "was", "are", "zijn", "blijft", "remains", "as", "als", "aan", "the",
                "a", "an", "de", "het", "een", "its", "zijn", "haar", "hun", "their", "truly",
                "fully", "really", "echt", "volledig", "new", "nieuwe", "latest", "nieuwste",
                "own", "eigen", "first", "eerste", "yet", "another", "nog", "ander", "andere",
                "also", "ook", "weer", "still",
            ];
            let toks = ctx.toks_in(gap.clone());
            let light = toks.iter().all(|t| {
                LIGHT.contains(&t.lower.as_str())
                    || t.lower.chars().all(crate::text::lexicon::is_quote)
                    || t.lower.ends_with("'s")
                    || t.lower.ends_with("’s")
            });
            if toks.len() > 4 || !light {
                return false;
            }
        }
        let kind = if ctx
            .toks_in(gap)
            .iter()
            .any(|t| COPULAS.contains(&t.lower.as_str()))
        {
            Attachment::Predicate
        } else {
            Attachment::Apposition
        };
        self.add(j, chain(ctx, m, false), kind);
        true
    }

    fn head_noun(&self, ctx: &Context<'_>, term: &ClaimTerm, head: &str, j: &mut Judgment) {
        let clause = ctx.clause(&term.word);
        // End of the noun phrase: the head word itself.
        let np_end = {
            let from = ctx.tok_at_or_after(term.word.end);
            ctx.toks
                .iter()
                .skip(from)
                .take(6)
                .find(|t| t.lower == head)
                .map(|t| t.span.end)
                .unwrap_or(term.word.end)
        };
        match classify(head) {
            Head::Other => {
                self.dismiss_all(
                    ctx,
                    j,
                    term.plain.start,
                    format!("the term describes '{head}', not a model"),
                );
            }
            Head::Unknown => {
                // "the open-source speech recogniser Whisper", "Falcon 180B, the open-source giant".
                let next_word_is_head = ctx
                    .toks
                    .get(ctx.tok_at_or_after(term.word.end))
                    .is_some_and(|t| t.lower == head);
                if let Some(m) = self.mention_right_after(ctx, term.word.end).or_else(|| {
                    next_word_is_head
                        .then(|| self.mention_right_after(ctx, np_end))
                        .flatten()
                }) {
                    self.add(j, chain(ctx, m, true), Attachment::Modifier);
                } else if let Some(m) = self.list_after(ctx, np_end, &clause) {
                    self.add(j, chain(ctx, m, true), Attachment::List);
                } else if !self.link_back(ctx, term, &clause, true, j) {
                    self.dismiss_all(
                        ctx,
                        j,
                        term.plain.start,
                        format!("the term describes '{head}', not a model"),
                    );
                }
            }
            Head::Model { plural } => {
                if let Some(m) = self.mention_right_after(ctx, np_end) {
                    self.add(j, chain(ctx, m, true), Attachment::Modifier);
                    return;
                }
                // "open-source models like Llama 3 and Mixtral", "zoals", "such as"
                let rest = ctx.slice(np_end..clause.end.max(np_end));
                let rest_l = rest.to_lowercase();
                // A separable particle may stand before the colon: "brengt twee opensourcemodellen uit: …"
                let rest_l = ["uit:", "out:", "uit :", "out :"]
                    .iter()
                    .find_map(|p| rest_l.trim_start().strip_prefix(p).map(|r| format!(":{r}")))
                    .map(|r| {
                        let pad = rest_l.len().saturating_sub(r.len());
                        format!("{}{r}", " ".repeat(pad))
                    })
                    .unwrap_or(rest_l);
                let trimmed = rest_l.trim_start_matches([' ', ',', ':']);
                const LIST_CUES: &[&str] = &[
                    "like ",
                    "such as ",
                    "zoals ",
                    "including ",
                    "waaronder ",
                    "bijvoorbeeld ",
                    "e.g. ",
                    "bijv. ",
                    "namely ",
                    "namelijk ",
                    "as ",
                    "als ",
                    "among them ",
                ];
                let cue_len = LIST_CUES
                    .iter()
                    .find(|c| trimmed.starts_with(*c))
                    .map(|c| c.len());
                let lead = rest_l.len() - trimmed.len();
                // "three open-source models, Llama-2-70b, Falcon-40B and Mixtral" lists after a comma too.
                let bare_list = lead > 0
                    && (rest_l[..lead].contains(':') || (plural && rest_l[..lead].contains(',')));
                if let Some(len) = cue_len.or(if bare_list { Some(0) } else { None }) {
                    let after = np_end + lead + len;
                    if let Some(m) = self.mention_right_after(ctx, after) {
                        self.add(j, chain(ctx, m, true), Attachment::List);
                        return;
                    }
                }
                if self.link_back(ctx, term, &clause, false, j) {
                    return;
                }
                // "Onder de opensourcemodellen die zij vergeleken, zijn Llama 3.3, Mistral 7B en OLMo 2."
                if plural {
                    let after = ctx.toks_in(np_end..ctx.sentence.end);
                    let copula_then_model = after.windows(2).find_map(|w| {
                        (COPULAS.contains(&w[0].lower.as_str()))
                            .then(|| {
                                ctx.sentence_mentions()
                                    .find(|&m| ctx.mention_span(m).start == w[1].span.start)
                            })
                            .flatten()
                    });
                    let no_model_between = |m: usize| {
                        ctx.mentions_in(term.plain.start..ctx.mention_span(m).start)
                            .is_empty()
                    };
                    if let Some(m) = copula_then_model.filter(|&m| no_model_between(m)) {
                        self.add(j, chain(ctx, m, true), Attachment::List);
                        return;
                    }
                }
                // "With NVLM 1.0, Nvidia ships a fully open-source frontier model."
                let before: Vec<usize> = ctx
                    .sentence_mentions()
                    .filter(|&m| ctx.mention_span(m).end <= term.plain.start)
                    .collect();
                let contrast = ctx.find_any(ctx.sentence.clone(), CONTRASTS).is_some();
                if !plural
                    && before.len() == 1
                    && !contrast
                    && other_relation(ctx, before[0]).is_none()
                {
                    self.add(j, vec![before[0]], Attachment::SoleModel);
                    return;
                }
                self.dismiss_all(
                    ctx,
                    j,
                    term.plain.start,
                    format!("'{head}' is not tied to this model"),
                );
            }
        }
    }

    fn predicate(&self, ctx: &Context<'_>, term: &ClaimTerm, verb: bool, j: &mut Judgment) {
        let clause = ctx.clause(&term.word);
        // Inversion puts the subject right after the copula: "Écht open-source is NVLM niet".
        let inverted = || {
            let i = ctx.tok_at_or_after(term.word.end);
            let copula = ctx
                .toks
                .get(i)
                .is_some_and(|t| COPULAS.contains(&t.lower.as_str()));
            let next = ctx.toks.get(i + 1).map(|t| t.span.start);
            match (copula, next) {
                (true, Some(at)) => ctx
                    .sentence_mentions()
                    .find(|&m| ctx.mention_span(m).start == at),
                _ => None,
            }
        };
        // "Mixtral 8x7B, dat open source is, …": the relative pronoun points back.
        let relative = || {
            let first = ctx.tok_at_or_after(term.plain.start);
            (first.saturating_sub(6)..first).rev().find_map(|i| {
                let t = &ctx.toks[i];
                let is_rel = matches!(t.lower.as_str(), "which" | "that" | "dat" | "die" | "who");
                let comma = i > 0 && ctx.toks[i - 1].lower == ",";
                if !(is_rel && comma) {
                    return None;
                }
                let before = ctx.toks[i - 1].span.start;
                ctx.sentence_mentions()
                    .find(|&m| ctx.mention_span(m).end == before)
            })
        };
        if !verb {
            if let Some(m) = relative() {
                if other_relation(ctx, m).is_none() {
                    self.add(j, vec![m], Attachment::Predicate);
                    return;
                }
            }
        }
        // A verb's object follows it closely: "open-sourced NVLM", "open-sourced its Llama 3".
        let object = || {
            self.first_after(ctx, &clause, term.word.end).filter(|&m| {
                let gap = ctx.toks_in(term.word.end..ctx.mention_span(m).start);
                gap.len() <= 4
                    && gap.iter().all(|t| {
                        matches!(
                            t.lower.as_str(),
                            "the"
                                | "its"
                                | "their"
                                | "de"
                                | "het"
                                | "zijn"
                                | "haar"
                                | "hun"
                                | "model"
                                | "new"
                                | "nieuwe"
                                | "latest"
                        ) || t.lower.ends_with("'s")
                            || t.lower.ends_with("’s")
                            || classify(&t.lower) == Head::Other
                    })
            })
        };
        let order: [Option<usize>; 2] = if verb {
            [
                object(),
                self.nearest_before(ctx, &clause, term.plain.start),
            ]
        } else {
            [
                self.nearest_before(ctx, &clause, term.plain.start),
                inverted(),
            ]
        };
        if let Some(m) = order.into_iter().flatten().next() {
            let span = ctx.mention_span(m);
            let gap = if span.start >= term.word.end {
                term.word.end..span.start
            } else {
                span.end..term.plain.start
            };
            // An other noun in the gap takes the claim only as its subject
            // ("X's code is open source") or, for verbs, as the object
            // ("open-sourced the training data behind X").
            let gap_toks: Vec<&super::context::Tok> = ctx.words_in(gap).collect();
            let gap_other = gap_toks
                .iter()
                .enumerate()
                .find(|(i, t)| {
                    classify(&t.lower) == Head::Other
                        && (verb
                            || gap_toks[i + 1..]
                                .iter()
                                .take(2)
                                .any(|n| COPULAS.contains(&n.lower.as_str())))
                })
                .map(|(_, t)| t.lower.to_string());
            if let Some(noun) = gap_other.or_else(|| other_relation(ctx, m)) {
                j.about_other = true;
                self.dismiss_all(
                    ctx,
                    j,
                    term.plain.start,
                    format!("the term describes '{noun}', not the model"),
                );
                return;
            }
            let forward = span.start >= term.word.end;
            let kind = if verb && forward {
                Attachment::Object
            } else {
                Attachment::Predicate
            };
            self.add(j, chain(ctx, m, forward), kind);
        }
    }
}

impl Rule for Attach {
    fn id(&self) -> &'static str {
        "attachment"
    }

    fn description(&self) -> &'static str {
        "ties the term to the model it describes, or to another noun"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        // "the definition of open source", "de principes van open source":
        // the term completes another noun.
        if let Some(noun) = complement_of_other_noun(ctx, term) {
            j.about_other = true;
            self.dismiss_all(
                ctx,
                j,
                term.plain.start,
                format!(
                    "'{}' is about '{noun}', not the model",
                    ctx.slice(term.plain.clone())
                ),
            );
            return;
        }
        // "Companies such as Meta have branded themselves as open source":
        // the label is the subject's own, not its model's.
        if let Some(reflexive) = reflexive_label(ctx, term) {
            j.about_other = true;
            self.dismiss_all(
                ctx,
                j,
                term.plain.start,
                format!("the label describes the subject ('{reflexive}'), not the model"),
            );
            return;
        }
        match &term.form {
            ClaimForm::Attributive { head: None } => {
                if let Some(m) = self.mention_right_after(ctx, term.word.end) {
                    self.add(j, chain(ctx, m, true), Attachment::Modifier);
                }
            }
            ClaimForm::Attributive { head: Some(h) } | ClaimForm::Compound { head: h } => {
                self.head_noun(ctx, term, h, j)
            }
            ClaimForm::Predicative | ClaimForm::Ish => self.predicate(ctx, term, false, j),
            ClaimForm::Verb => self.predicate(ctx, term, true, j),
        }
        self.structural(ctx, term, j);
    }
}

/// The noun a term completes through "of"/"van" ("the definition of open
/// source"), when the lexicon says it is not a model.
fn complement_of_other_noun<'c>(ctx: &'c Context<'_>, term: &ClaimTerm) -> Option<&'c str> {
    use crate::structure::lexicon::Role;
    if !matches!(term.form, ClaimForm::Predicative) {
        return None;
    }
    let st = &ctx.structure;
    let ti = st.chunk_of(&term.plain)?.term;
    let of = st.tokens.get(ti.checked_sub(1)?)?;
    let noun = st.tokens.get(ti.checked_sub(2)?)?;
    (matches!(of.lower.as_str(), "of" | "van") && noun.roles.has(Role::OtherHead))
        .then(|| ctx.slice(noun.span.clone()))
}

/// "themselves as", "itself as", "zichzelf als" right before the term.
fn reflexive_label<'c>(ctx: &'c Context<'_>, term: &ClaimTerm) -> Option<&'c str> {
    let st = &ctx.structure;
    let c = st.chunk_of(&term.plain)?;
    let mut i = c.toks.start.min(c.term);
    if st
        .tokens
        .get(i.checked_sub(1)?)
        .is_some_and(|t| matches!(t.lower.as_str(), "as" | "als"))
    {
        i -= 1;
    }
    let r = st.tokens.get(i.checked_sub(1)?)?;
    matches!(
        r.lower.as_str(),
        "themselves" | "itself" | "himself" | "herself" | "zichzelf"
    )
    .then(|| ctx.slice(r.span.clone()))
}

impl Attach {
    /// The sentence structure's relation for the term: it names the relation
    /// behind the subjects found above, and ties the term when nothing else did
    /// ("open-source models such as Llama", "the open-source release of
    /// Grok-1", "markets Llama as open source", "Gemma 3: Google's
    /// open-source answer").
    fn structural(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if matches!(term.form, ClaimForm::Ish) {
            return;
        }
        let st = &ctx.structure;
        let Some(k) = st.term_index(&term.plain) else {
            return;
        };
        // "Claude outscored every open-source model, including Llama 3.3":
        // a relation of the structure outranks the sentence's only other
        // model, which nothing but distance tied.
        let only_sole = !j.subjects.is_empty()
            && j.subjects
                .iter()
                .all(|s| s.attachment == Attachment::SoleModel);
        if only_sole {
            let tied = st.relations_of(k).find(|r| {
                r.mentions
                    .iter()
                    .any(|&m| !contrasted(ctx, m) && !j.subjects.iter().any(|s| s.mention == m))
            });
            if tied.is_some() {
                let displaced: Vec<usize> = j.subjects.iter().map(|s| s.mention).collect();
                j.subjects.clear();
                for m in displaced {
                    j.dismissed.push((
                        m,
                        super::Reason {
                            rule: self.id(),
                            message: "the sentence structure ties the term to another model".into(),
                            at: term.plain.start,
                        },
                    ));
                }
            }
        }
        if !j.subjects.is_empty() {
            let first = j.subjects[0].mention;
            j.relation = st
                .relations_of(k)
                .find(|r| r.mentions.contains(&first))
                .map(|r| r.kind);
            return;
        }
        let Some(r) = st
            .relations_of(k)
            .find(|r| r.mentions.iter().any(|&m| !contrasted(ctx, m)))
        else {
            return;
        };
        let attachment = match r.kind {
            RelationKind::Modifier | RelationKind::OfPhrase => Attachment::Modifier,
            RelationKind::Predicate
            | RelationKind::SecondaryPredication
            | RelationKind::Headline => Attachment::Predicate,
            RelationKind::Apposition => Attachment::Apposition,
            RelationKind::Exemplification => Attachment::List,
            RelationKind::VerbObject => Attachment::Object,
        };
        let ms: Vec<usize> = r
            .mentions
            .iter()
            .copied()
            .filter(|&m| !contrasted(ctx, m))
            .collect();
        j.dismissed.retain(|(m, _)| !ms.contains(m));
        self.add(j, ms, attachment);
        j.relation = Some(r.kind);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn names_adjective_lists_and_short_names() {
        // Naming past a hyphenated compound.
        assert_outcome(
            "Er is nu ook een open-source model voor hun eigen beeld-generator met de naam Janus-Pro-7B.",
            "Janus-Pro-7B",
            "warning",
        );
        // Adjectives joined by a comma before a model-class noun.
        assert_outcome(
            "Hugging Face's BLOOM, an open-source, multilingual model, arrived in 2022.",
            "BLOOM",
            "warning",
        );
        // A model's own quality: "Gemma 3's open-source nature".
        assert_outcome(
            "Gemma 3's open-source nature has made it a favourite in classrooms.",
            "Gemma 3",
            "warning",
        );
        assert_outcome(
            "Het open-source karakter van de community rond Gemma 3 trekt studenten.",
            "Gemma 3",
            "none",
        );
        // A short name tied to its claim, but not the gadget of that name.
        assert_outcome(
            "R1 is also open-sourced under the MIT licence.",
            "DeepSeek-R1",
            "note",
        );
        assert_outcome(
            "The Rabbit R1 is open source now, its maker says.",
            "DeepSeek-R1",
            "none",
        );
        // The next sentence takes the bare name up as "the model".
        assert_outcome(
            "Critics say Llama is mostly a marketing tool for Meta. Open-sourcing the model won Meta a free army of developers.",
            "Llama",
            "warning",
        );
        assert_outcome(
            "Critics say Llama is mostly a marketing tool for Meta.\n\nOpen-sourcing the model won Meta a free army of developers.",
            "Llama",
            "none",
        );
    }

    #[test]
    fn structure_ties_appositions_coordinated_adjectives_and_causatives() {
        // An apposition closed by a comma before the verb.
        assert_outcome(
            "Google's open-source small language model, Gemma 2, now runs on a phone, the company said.",
            "Gemma 2",
            "note",
        );
        assert_outcome(
            "Het nieuwe open-source taalmodel van Google, Gemma 2, draait nu ook op een telefoon.",
            "Gemma 2",
            "warning",
        );
        // Coordinated adjectives before the head.
        assert_outcome(
            "The newcomer is Llama 3.1, a fast and open-source model that runs on a laptop.",
            "Llama 3.1",
            "warning",
        );
        assert_outcome(
            "De nieuwkomer is Llama 3.1, een snel en open-source model voor op de laptop.",
            "Llama 3.1",
            "warning",
        );
        // "Make X open source", with the object named or a pronoun.
        assert_outcome(
            "Last summer Meta made Llama 3.1 open source for every developer.",
            "Llama 3.1",
            "warning",
        );
        assert_outcome(
            "Meta heeft Llama 3.1 vorige zomer open source gemaakt.",
            "Llama 3.1",
            "warning",
        );
        assert_outcome(
            "Who built Llama 3.1, and why did Meta make it open source?",
            "Llama 3.1",
            "warning",
        );
        // Negative: the head is another noun, or the apposition is the tools'.
        assert_outcome(
            "Meta's open-source training tools, the ones behind Llama 3.1, are on GitHub.",
            "Llama 3.1",
            "none",
        );
        assert_outcome(
            "Meta maakte de trainingscode van Llama 3.1 niet open source.",
            "Llama 3.1",
            "none",
        );
    }

    #[test]
    fn a_reflexive_label_is_the_subjects_own() {
        assert_outcome(
            "Some firms, such as Meta with its Llama 3 series, have branded themselves as open-source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Sommige bedrijven, zoals Meta met Llama 3, profileren zichzelf als open source.",
            "Llama 3",
            "none",
        );
        assert_outcome("Meta brands Llama 3 as open source.", "Llama 3", "note");
    }

    #[test]
    fn small_and_multimodal_model_heads() {
        assert_outcome(
            "Phi-3 mini brings a 128K context window, the first open-source SLM to do so.",
            "Phi-3 mini",
            "note",
        );
        assert_outcome(
            "Phi-3 mini, de eerste open-source SLM met zo'n groot contextvenster, draait op een telefoon.",
            "Phi-3 mini",
            "note",
        );
    }

    #[test]
    fn an_apposition_with_its_predicate_after_the_head() {
        assert_outcome(
            "Then came Mixtral 8x7B, a model fast, cheap and open source, from a Paris start-up.",
            "Mixtral 8x7B",
            "note",
        );
        assert_outcome(
            "Daarna kwam Llama 3, een model dat snel en open source is.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Then came Llama 3, a model whose training code is open source.",
            "Llama 3",
            "none",
        );
    }

    #[test]
    fn a_pronoun_subject_after_a_fronted_clause() {
        assert_outcome(
            "Because the weights of Gemma 2 can be downloaded, it qualifies as open source in the eyes of many developers.",
            "Gemma 2",
            "warning",
        );
        assert_outcome(
            "Omdat de gewichten van Gemma 2 te downloaden zijn, geldt het als open source.",
            "Gemma 2",
            "warning",
        );
    }

    #[test]
    fn a_term_that_completes_another_noun() {
        assert_outcome(
            "Its licence puts Llama 3 outside the accepted definition of open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "De licentie plaatst Llama 3 buiten de gangbare definitie van open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 3 is a champion of open source, Meta says.",
            "Llama 3",
            "note",
        );
    }

    #[test]
    fn english_positive() {
        assert_outcome(
            "Meta's open-source Llama 3.2 model can now see images.",
            "Llama 3.2",
            "warning",
        );
        assert_outcome(
            "Google's Gemma 2 is an open-source alternative to GPT-4o.",
            "Gemma 2",
            "warning",
        );
        assert_outcome(
            "Stable Diffusion XL, an open-source image generator, now runs on phones.",
            "Stable Diffusion XL",
            "warning",
        );
        assert_outcome(
            "Open-source models like Llama 3 and Mixtral 8x7B are closing the gap.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Open-source models like Llama 3 and Mixtral 8x7B are closing the gap.",
            "Mixtral 8x7B",
            "note",
        );
        assert_outcome(
            "GPT-4 remains closed, unlike Meta's Llama 3, which is open source.",
            "Llama 3",
            "warning",
        );
    }

    #[test]
    fn english_negative() {
        assert_outcome(
            "Google's Gemma 2 is an open-source alternative to GPT-4o.",
            "GPT-4o",
            "none",
        );
        assert_outcome(
            "Researchers fine-tuned Llama 2 with open-source tools such as the TRL library.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "The inference code for NVLM is open source, but the model is not.",
            "NVLM",
            "none",
        );
        assert_outcome(
            "Llama 3 is faster than open-source models such as OLMo.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "GPT-4 remains closed, unlike Meta's Llama 3, which is open source.",
            "GPT-4",
            "none",
        );
    }

    #[test]
    fn dutch_positive() {
        assert_outcome(
            "Meta's opensourcemodel Llama 3.2 kan nu ook afbeeldingen verwerken.",
            "Llama 3.2",
            "warning",
        );
        assert_outcome(
            "Google brengt Gemma 2 uit als opensource-alternatief voor GPT-4o.",
            "Gemma 2",
            "warning",
        );
        assert_outcome(
            "Het bedrijf bouwde zijn chatbot op Llama 3, het open-sourcemodel van Meta.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Open-sourcemodellen zoals Llama 3 en Mixtral 8x7B lopen GPT-4 snel in.",
            "Llama 3",
            "warning",
        );
    }

    #[test]
    fn dutch_negative() {
        assert_outcome(
            "Nvidia maakt dankbaar gebruik van open-source middelen om NVLM 1.0 te bouwen.",
            "NVLM 1.0",
            "none",
        );
        assert_outcome(
            "De inferentiecode van NVLM is open source, maar het model zelf niet.",
            "NVLM",
            "none",
        );
        assert_outcome(
            "Open-sourcemodellen zoals Llama 3 en Mixtral 8x7B lopen GPT-4 snel in.",
            "GPT-4",
            "none",
        );
        assert_outcome(
            "De start-up Bloom bouwt open-sourcesoftware voor boekhouders.",
            "BLOOM",
            "none",
        );
    }
}
