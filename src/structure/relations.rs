//! Relations that tie a claim term to models by structure rather than by
//! distance: the term's noun-phrase chunk, and how that chunk stands to
//! the model names around it. Every search walks a bounded window of
//! tokens, so the work per term is constant and per sentence linear.

use std::ops::Range;

use super::clauses::Cue;
use super::lexicon::{Lexicon, Role};
use super::tokens::{Class, Token};
use crate::detect::{ClaimForm, ClaimTerm};
use crate::text::lexicon::{classify_head, Head};

/// What the head of the term's noun phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// The term ends its phrase: "is open source".
    Predicative,
    /// A model, or a class of models: "model", "LLMs", "taalmodel".
    ModelClass,
    /// Another noun: "tools", "code", "licence".
    Other,
    /// A noun the lexicon does not know.
    Unknown,
}

/// The noun phrase around a claim term.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Token range, from the determiner to the head.
    pub toks: Range<usize>,
    /// The term's token.
    pub term: usize,
    /// The head token (the term itself for a compound or a predicative use).
    pub head: usize,
    pub head_kind: HeadKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// "open-source Llama 3", "het opensourcemodel Llama 3"
    Modifier,
    /// "Llama 3 is open source", "Llama, Mistral and Falcon are open-source models"
    Predicate,
    /// "Llama, Meta's open-source model", "Meta's open-source model, Llama,"
    Apposition,
    /// "open-source models such as Llama", "open-source modellen zoals Llama"
    Exemplification,
    /// "the open-source release of Grok-1"
    OfPhrase,
    /// "markets Llama as open source", "noemt Llama open source"
    SecondaryPredication,
    /// "open-sourced Grok-1"
    VerbObject,
    /// "Gemma 3: Google's open-source answer to Llama"
    Headline,
}

impl RelationKind {
    /// Attributive uses are presupposed: they stay claims inside questions,
    /// conditions and negated main clauses.
    pub fn attributive(self) -> bool {
        matches!(
            self,
            RelationKind::Modifier
                | RelationKind::Apposition
                | RelationKind::Exemplification
                | RelationKind::OfPhrase
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Modifier => "modifier",
            RelationKind::Predicate => "predicate",
            RelationKind::Apposition => "apposition",
            RelationKind::Exemplification => "exemplification",
            RelationKind::OfPhrase => "of-phrase",
            RelationKind::SecondaryPredication => "secondary-predication",
            RelationKind::VerbObject => "verb-object",
            RelationKind::Headline => "headline",
        }
    }
}

/// The term (index into the sentence's terms) describes these mentions.
#[derive(Debug, Clone)]
pub struct Relation {
    pub term: usize,
    pub kind: RelationKind,
    /// Document mention indices.
    pub mentions: Vec<usize>,
    /// The token that ties them (the cue, the copula, the comma, …).
    pub via: usize,
}

/// A word that ends a noun phrase: closed-class words other than
/// determiners, and the cue words.
fn closed(t: &Token) -> bool {
    let r = t.roles;
    let noun = r.has(Role::ModelHead) || r.has(Role::OtherHead) || r.has(Role::OfHead);
    !noun
        && (r.has(Role::Preposition)
            || r.has(Role::Conjunction)
            || r.has(Role::Subordinator)
            || r.has(Role::Relative)
            || r.has(Role::Copula)
            || r.has(Role::Auxiliary)
            || r.has(Role::Negator)
            || r.has(Role::Condition)
            || r.has(Role::QuestionWord)
            || r.has(Role::Exemplifier)
            || r.has(Role::Reporting)
            || r.has(Role::Labelling)
            || (r.has(Role::Pronoun) && !r.has(Role::Determiner)))
}

/// Whether token `i` joins two adjectives of one noun phrase: "and", "or",
/// "en", "of" or a comma with a lowercase content word before it that is
/// not itself a head ("free and open-source", "snel, open-source").
fn is_adjective_link(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let link = t.is_punct(",") || matches!(t.lower.as_str(), "and" | "or" | "en" | "of");
    link && i > 0 && {
        let p = &toks[i - 1];
        p.class == Class::Word
            && !p.cap
            && !closed(p)
            && !p.roles.has(Role::Determiner)
            && !p.roles.has(Role::ModelHead)
            && !p.roles.has(Role::OtherHead)
            && !p.roles.has(Role::Labelling)
            && i >= 2
            && (toks[i - 2].roles.has(Role::Determiner)
                || toks[i - 2].possessive
                || is_adjective_link(toks, i - 2))
    }
}

fn head_kind(word: &str, lex: &Lexicon) -> HeadKind {
    let r = lex.roles(word);
    if r.has(Role::ModelHead) {
        return HeadKind::ModelClass;
    }
    if r.has(Role::OtherHead) {
        return HeadKind::Other;
    }
    match classify_head(word) {
        Head::Model { .. } => HeadKind::ModelClass,
        Head::Other => HeadKind::Other,
        Head::Unknown => HeadKind::Unknown,
    }
}

/// The noun phrase of the term at token `ti`.
pub fn chunk(toks: &[Token], ti: usize, term: &ClaimTerm, lex: &Lexicon) -> Chunk {
    // Left: determiners, possessives and modifiers, at most five tokens.
    let mut left = ti;
    while left > 0 && ti - left < 5 {
        let t = &toks[left - 1];
        // Coordinated adjectives: "a free and open-source model", "a fast,
        // open-source model".
        let ok = is_adjective_link(toks, left - 1)
            || match t.class {
                Class::Word => {
                    (t.roles.has(Role::Determiner) || t.possessive || !closed(t))
                        && !t.roles.has(Role::Labelling)
                }
                Class::Number => true,
                Class::Model(_) => t.possessive,
                _ => t.lower == "-",
            };
        if !ok {
            break;
        }
        left -= 1;
        // A possessive ends the phrase on the left: "Meta's open-source model".
        if t.possessive || t.roles.has(Role::Determiner) {
            break;
        }
    }
    if let ClaimForm::Compound { head } = &term.form {
        return Chunk {
            toks: left..ti + 1,
            term: ti,
            head: ti,
            head_kind: head_kind(&head.to_lowercase(), lex),
        };
    }
    let adjectives =
        matches!(term.form, ClaimForm::Predicative) && comma_between_adjectives(toks, ti, lex);
    if matches!(term.form, ClaimForm::Verb | ClaimForm::Predicative) && !adjectives {
        return Chunk {
            toks: left..ti + 1,
            term: ti,
            head: ti,
            head_kind: HeadKind::Predicative,
        };
    }
    // Right: modifiers up to the head, at most five tokens; the head is the
    // first model-class or other noun, else the last word.
    let mut head = None;
    let mut kind = HeadKind::Predicative;
    let mut j = ti + 1;
    while j < toks.len() && j <= ti + 5 {
        let t = &toks[j];
        let word = match t.class {
            Class::Word => !closed(t),
            Class::Number => true,
            Class::Punct => {
                t.lower == "-" && toks.get(j + 1).is_some_and(|n| n.class == Class::Word)
                    || j == ti + 1 && comma_between_adjectives(toks, ti, lex)
            }
            _ => false,
        };
        if !word {
            break;
        }
        if t.class == Class::Word {
            let k = head_kind(&t.lower, lex);
            head = Some(j);
            kind = k;
            if k == HeadKind::Other {
                break;
            }
            // "model" ends the phrase unless another head follows ("AI model family").
            if k == HeadKind::ModelClass
                && !toks.get(j + 1).is_some_and(|n| {
                    n.class == Class::Word && head_kind(&n.lower, lex) == HeadKind::ModelClass
                })
            {
                break;
            }
        }
        j += 1;
    }
    Chunk {
        toks: left..head.map(|h| h + 1).unwrap_or(ti + 1),
        term: ti,
        head: head.unwrap_or(ti),
        head_kind: kind,
    }
}

/// "an open-source, ethically governed alternative": after an article, a
/// comma right after the term joins it to more adjectives of the same
/// model-class noun, within four words.
fn comma_between_adjectives(toks: &[Token], ti: usize, lex: &Lexicon) -> bool {
    let attributive = ti
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| p.roles.has(Role::Determiner) || p.possessive);
    if !attributive || !toks.get(ti + 1).is_some_and(|t| t.is_punct(",")) {
        return false;
    }
    for t in toks.iter().skip(ti + 2).take(4) {
        if t.class != Class::Word || t.cap || closed(t) {
            return false;
        }
        match head_kind(&t.lower, lex) {
            HeadKind::ModelClass => return true,
            HeadKind::Other => return false,
            _ => {}
        }
    }
    false
}

/// Models joined to the one at token `at` by commas and conjunctions,
/// going forward ("Llama 3, Mistral 7B and Falcon").
fn list_forward(toks: &[Token], at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = at;
    while let Some(m) = toks.get(i).and_then(Token::model) {
        out.push(m);
        let mut j = i + 1;
        let mut joined = false;
        while let Some(t) = toks.get(j) {
            if t.is_punct(",") || t.roles.has(Role::Conjunction) || t.lower == "as well as" {
                joined = true;
                j += 1;
            } else if joined && t.class == Class::Word && t.possessive {
                j += 1;
            } else {
                break;
            }
        }
        if !joined || j > i + 4 {
            break;
        }
        i = j;
    }
    out
}

/// The subject noun phrase ending right before token `end` (exclusive):
/// models in a coordination, with possessives and unknown names between.
fn subject_before(toks: &[Token], end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = end;
    while i > 0 && end - i < 14 {
        let t = &toks[i - 1];
        // "Not Llama 3 but OLMo 2 is …": only the conjunct after "but" is
        // the subject.
        if !out.is_empty() && matches!(t.lower.as_str(), "but" | "maar") {
            break;
        }
        match t.class {
            Class::Model(m) => out.push(m),
            Class::Punct if t.lower == "," || t.lower == "-" => {}
            Class::Word
                if t.roles.has(Role::Conjunction)
                    || t.roles.has(Role::Determiner)
                    || t.possessive
                    || (t.cap && !closed(t)) => {}
            Class::Word if !out.is_empty() && !closed(t) && i + 3 > end => {}
            Class::Number => {}
            // "The inference code for NVLM is …": the model is the object of
            // a preposition, not the subject.
            Class::Word if t.roles.has(Role::Preposition) && !out.is_empty() => return Vec::new(),
            _ => break,
        }
        i -= 1;
        if t.roles.has(Role::Determiner) && !out.is_empty() {
            break;
        }
    }
    out.reverse();
    out
}

/// The nearest model among the `window` tokens before token `i`: what a
/// pronoun at `i` stands for inside its sentence.
fn model_before(toks: &[Token], i: usize, window: usize) -> Option<usize> {
    (i.saturating_sub(window)..i)
        .rev()
        .find_map(|x| toks[x].model())
}

/// "is not only fast but also open source", "is niet alleen snel, maar ook
/// open source": the start of the "not only" before a term that follows
/// "but also", so the copula before it is the term's.
/// The bool says the copula comes last (Dutch), so the subject ends right
/// before "niet".
fn focus_pair_start(toks: &[Token], i: usize) -> Option<(usize, bool)> {
    // The phrase may have taken in "also" ("also open source").
    let i = if toks
        .get(i)
        .is_some_and(|t| matches!(t.lower.as_str(), "also" | "ook"))
    {
        i + 1
    } else {
        i
    };
    let also = toks.get(i.checked_sub(1)?)?;
    let but = toks.get(i.checked_sub(2)?)?;
    if !matches!(also.lower.as_str(), "also" | "ook")
        || !matches!(but.lower.as_str(), "but" | "maar")
    {
        return None;
    }
    // Dutch puts the copula last: "niet alleen snel is, maar ook open source".
    let comma = i >= 3 && toks[i - 3].is_punct(",");
    let before_but = if comma { i - 3 } else { i - 2 };
    let copula_last = before_but > 0 && toks[before_but - 1].roles.has(Role::Copula);
    let from = i.saturating_sub(10);
    (from..i - 2)
        .rev()
        .find(|&k| {
            k > 0
                && matches!(toks[k].lower.as_str(), "only" | "just" | "alleen" | "enkel")
                && matches!(toks[k - 1].lower.as_str(), "not" | "niet")
        })
        .map(|k| (k - 1, copula_last))
}

/// Where the term's phrase starts once an anaphor object it took in is left
/// out: "making the software open source" starts at the term.
pub fn start_past_object(toks: &[Token], c: &Chunk) -> usize {
    let k = c.toks.start;
    if c.head_kind == HeadKind::Predicative && c.term == k + 2 && is_anaphor_np(toks, k) {
        c.term
    } else {
        k
    }
}

/// Whether tokens `i` and `i + 1` are a definite noun phrase that stands for
/// a model named before: "the model", "this software", "het model".
pub fn is_anaphor_np(toks: &[Token], i: usize) -> bool {
    let (Some(d), Some(n)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    matches!(
        d.lower.as_str(),
        "the" | "this" | "that" | "het" | "dit" | "dat" | "deze"
    ) && matches!(
        n.lower.as_str(),
        "model" | "software" | "llm" | "chatbot" | "system" | "systeem" | "taalmodel"
    )
}

/// Skips adverbs and negators (that are not cues of another kind) going
/// back from `i` (exclusive) to a copula; returns the copula's index.
fn copula_before(toks: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    match focus_pair_start(toks, i) {
        Some((not_at, true)) => return Some(not_at),
        Some((not_at, false)) => k = not_at,
        None => {}
    }
    let mut steps = 0;
    while k > 0 && steps < 5 {
        let t = &toks[k - 1];
        if t.roles.has(Role::Copula) {
            return Some(k - 1);
        }
        let skippable = t.class == Class::Word
            && (t.roles.has(Role::Auxiliary)
                || t.roles.has(Role::Negator)
                || t.lower.ends_with("ly")
                || matches!(
                    t.lower.as_str(),
                    "also"
                        | "still"
                        | "now"
                        | "already"
                        | "ook"
                        | "nog"
                        | "al"
                        | "nu"
                        | "echt"
                        | "volledig"
                        | "helemaal"
                        | "even"
                        | "indeed"
                ));
        if !skippable {
            return None;
        }
        k -= 1;
        steps += 1;
    }
    None
}

/// Every relation of the term at token `ti`, most specific first.
pub fn relate(
    toks: &[Token],
    cues: &[Cue],
    term_index: usize,
    c: &Chunk,
    form: &ClaimForm,
) -> Vec<Relation> {
    let mut out = Vec::new();
    let rel = |kind, mentions: Vec<usize>, via| Relation {
        term: term_index,
        kind,
        mentions,
        via,
    };
    let ti = c.term;
    let after = c.toks.end;
    // "Gemma 3's open-source nature", "Llama's open-source credentials": the
    // model's own quality, as good as a predicate.
    if let Some(first) = toks.get(c.toks.start) {
        let quality = toks.get(c.head).is_some_and(|h| {
            matches!(
                h.lower.as_str(),
                "nature" | "character" | "credentials" | "status" | "roots" | "karakter"
            )
        });
        if let (Some(m), true, true) = (first.model(), first.possessive, quality) {
            out.push(rel(RelationKind::Predicate, vec![m], c.toks.start));
        }
    }
    if c.head_kind == HeadKind::Other {
        return out;
    }
    // Verb object: "open-sourced Grok-1", "open sourcing its chatbot Grok-1",
    // "open-sourced smaller versions of R1".
    if matches!(form, ClaimForm::Verb) {
        for j in ti + 1..toks.len().min(ti + 7) {
            let t = &toks[j];
            if let Some(_m) = t.model() {
                out.push(rel(RelationKind::VerbObject, list_forward(toks, j), ti));
                break;
            }
            let skip = t.class == Class::Number
                || (t.class == Class::Word
                    && (t.roles.has(Role::Determiner)
                        || !closed(t)
                        || matches!(t.lower.as_str(), "of" | "van")));
            if !skip {
                break;
            }
        }
    }
    // Modifier: the phrase's head is the model, or a model class followed
    // by the name ("het opensourcemodel Llama 3", "open-source model Llama").
    if let Some(t) = toks.get(after) {
        let direct = after == ti + 1 || c.head_kind == HeadKind::ModelClass;
        if t.model().is_some() && direct {
            out.push(rel(RelationKind::Modifier, list_forward(toks, after), ti));
        }
    }
    if c.head_kind == HeadKind::ModelClass {
        // Naming: "an open-source model called Mixtral", also after a comma
        // or a short phrase ("een open-source model voor beeldgeneratie met
        // de naam Janus-Pro", "its own open-source LLM, named R1").
        let plain_gap = |q: &Cue| {
            q.toks.start >= after
                && q.toks.start <= after + 6
                && toks[after..q.toks.start].iter().enumerate().all(|(k, t)| {
                    t.is_punct(",")
                        // A hyphen inside a compound: "foto-generator".
                        || (t.is_punct("-")
                            && toks
                                .get(after + k - 1)
                                .is_some_and(|p| p.span.end == t.span.start))
                        || (t.class == Class::Word
                            && !t.roles.has(Role::Copula)
                            && !t.roles.has(Role::Auxiliary)
                            && !t.roles.has(Role::Relative)
                            && !t.roles.has(Role::Subordinator)
                            && !t.roles.has(Role::Conjunction))
                })
        };
        if let Some(cue) = cues.iter().find(|q| q.role == Role::Naming && plain_gap(q)) {
            if toks.get(cue.toks.end).and_then(Token::model).is_some() {
                out.push(rel(
                    RelationKind::Apposition,
                    list_forward(toks, cue.toks.end),
                    cue.toks.start,
                ));
            }
        }
        // Exemplification: "open-source models (such as Llama, Mistral)",
        // "open-source models accessible to all, including Llama".
        if let Some(cue) = cues.iter().find(|q| {
            q.role == Role::Exemplifier && q.toks.start >= after && q.toks.start <= after + 8
        }) {
            // "an alternative to US rivals such as ChatGPT": the examples
            // belong to the nearer class noun.
            let between_ok = toks[after..cue.toks.start].iter().all(|t| {
                let stop = t.model().is_some()
                    || t.roles.has(Role::ModelHead)
                    || t.roles.has(Role::Copula)
                    || (t.class == Class::Punct && matches!(t.lower.as_str(), ";" | ":" | ")"));
                !stop
            });
            let first = (cue.toks.end..toks.len().min(cue.toks.end + 3))
                .find(|&k| toks[k].model().is_some());
            let lead_ok = first.is_some_and(|f| {
                toks[cue.toks.end..f]
                    .iter()
                    .all(|t| t.possessive || t.roles.has(Role::Determiner) || t.is_punct(","))
            });
            if let (true, true, Some(f)) = (between_ok, lead_ok, first) {
                out.push(rel(
                    RelationKind::Exemplification,
                    list_forward(toks, f),
                    cue.toks.start,
                ));
            }
        }
        // Apposition after: "Meta's open-source model, Llama, …", "(Llama 3)",
        // also past a maker ("the open-source model from Meta, Llama 3,",
        // "het open-source taalmodel van Google, Gemma 2,").
        let maker = toks
            .get(after)
            .is_some_and(|t| matches!(t.lower.as_str(), "from" | "by" | "of" | "van" | "door"))
            && toks
                .get(after + 1)
                .is_some_and(|t| t.class == Class::Word && t.cap && !closed(t))
            && toks.get(after + 2).is_some_and(|t| t.is_punct(","));
        let after = if maker { after + 2 } else { after };
        if let Some(p) = toks.get(after) {
            if (p.is_punct(",")
                || p.is_punct("(")
                || p.is_punct("—")
                || p.is_punct("–")
                || p.is_punct(":"))
                && toks.get(after + 1).and_then(Token::model).is_some()
            {
                let list = list_forward(toks, after + 1);
                // The apposition closes right after its last name: with
                // punctuation ("model, Llama, played …"), a relative
                // ("…, Llama, which …") or the end of the sentence.
                let last = (after + 1..toks.len())
                    .rev()
                    .find(|&k| list.last().is_some_and(|&m| toks[k].model() == Some(m)))
                    .unwrap_or(after + 1);
                let closes = toks
                    .get(last + 1)
                    .is_none_or(|t| t.class == Class::Punct || t.roles.has(Role::Relative));
                if closes {
                    out.push(rel(RelationKind::Apposition, list, after));
                }
            }
        }
        // Of-phrase: "the open-source release of Grok-1", "versions of R1".
        if toks
            .get(after)
            .is_some_and(|t| matches!(t.lower.as_str(), "of" | "van"))
            && toks.get(c.head).is_some_and(|h| h.roles.has(Role::OfHead))
        {
            let first = (after + 1..toks.len().min(after + 4)).find(|&k| toks[k].model().is_some());
            if let Some(f) = first.filter(|&f| {
                toks[after + 1..f].iter().all(|t| {
                    t.roles.has(Role::Determiner)
                        || t.possessive
                        || (t.class == Class::Word && !closed(t))
                })
            }) {
                out.push(rel(RelationKind::OfPhrase, list_forward(toks, f), after));
            }
        }
    }
    // Apposition before: "Llama, Meta's open-source model", "Llama (an open-source model)".
    if matches!(c.head_kind, HeadKind::ModelClass) && c.toks.start > 0 {
        let p = &toks[c.toks.start - 1];
        if (p.is_punct(",") || p.is_punct("(") || p.is_punct("—") || p.is_punct("–"))
            && c.toks.start >= 2
        {
            if let Some(m) = toks[c.toks.start - 2].model() {
                // The phrase ends there, or after a short phrase of its own
                // ("…, the open-source model from Meta?"), without a verb.
                let closes = toks[after..]
                    .iter()
                    .take(6)
                    .take_while(|t| t.class != Class::Punct)
                    .all(|t| {
                        t.model().is_none()
                            && !t.roles.has(Role::Copula)
                            && !t.roles.has(Role::Auxiliary)
                            && !t.roles.has(Role::Relative)
                    })
                    && (after..toks.len().min(after + 7)).any(|k| toks[k].class == Class::Punct)
                    || after >= toks.len();
                if closes {
                    out.push(rel(RelationKind::Apposition, vec![m], c.toks.start - 1));
                }
            }
        }
    }
    // Apposition with a postposed predicate: "DeepSeek, a model totally
    // free, open source and efficient", "Mixtral, a model that is fast and
    // open source".
    if c.head_kind == HeadKind::Predicative {
        let mut k = c.toks.start;
        let mut steps = 0;
        while k > 0 && steps < 10 {
            let t = &toks[k - 1];
            let skip = t.is_punct(",")
                || (t.class == Class::Word
                    && !t.cap
                    && (t.roles.has(Role::Conjunction)
                        || t.roles.has(Role::Copula)
                        || t.roles.has(Role::Relative)
                        || !closed(t))
                    && !t.roles.has(Role::ModelHead)
                    && !t.roles.has(Role::OtherHead));
            if !skip {
                break;
            }
            k -= 1;
            steps += 1;
        }
        let head = k
            .checked_sub(1)
            .filter(|&h| toks[h].roles.has(Role::ModelHead));
        if let Some(h) = head.filter(|&h| h >= 3) {
            let det = &toks[h - 1];
            let comma = &toks[h - 2];
            if det.roles.has(Role::Determiner)
                && (comma.is_punct(",") || comma.is_punct("—") || comma.is_punct("–"))
            {
                if let Some(m) = toks[h - 3].model() {
                    out.push(rel(RelationKind::Apposition, vec![m], h - 2));
                }
            }
        }
    }
    // Secondary predication: "markets Llama as open source", "labels its
    // Llama models as open-source", "noemt Llama open source".
    {
        let mut k = start_past_object(toks, c);
        let as_tok = k > 0 && matches!(toks[k - 1].lower.as_str(), "as" | "als");
        if as_tok {
            k -= 1;
        }
        // The object just before "as" (or before the phrase in Dutch); a
        // pronoun object stands for the nearest model before it ("what is
        // Llama and why did Meta make it open source?").
        let mut obj = None;
        let mut object_model = None;
        let mut j = k;
        while j > 0 && k - j < 4 {
            let t = &toks[j - 1];
            if let Some(m) = t.model() {
                obj = Some(j - 1);
                object_model = Some(m);
                break;
            }
            if matches!(t.lower.as_str(), "it" | "them" | "het" | "hem") {
                object_model = model_before(toks, j - 1, 15);
                obj = object_model.map(|_| j - 1);
                break;
            }
            // A definite anaphor: "making the software open source", after
            // "Llama 3 is the most capable version of the software yet".
            if j >= 2 && is_anaphor_np(toks, j - 2) {
                object_model = model_before(toks, j - 2, 40);
                obj = object_model.map(|_| j - 2);
                break;
            }
            let filler = t.class == Class::Word
                && (t.roles.has(Role::Determiner) || t.possessive || (!closed(t) && !t.cap));
            if !filler {
                break;
            }
            j -= 1;
        }
        if let (Some(o), Some(m)) = (obj, object_model) {
            let cue_at =
                |v: usize, role: Role| cues.iter().any(|q| q.role == role && q.toks.contains(&v));
            let verb = (o.saturating_sub(4)..o)
                .rev()
                .find(|&v| cue_at(v, Role::Labelling));
            // "made Llama open source"; Dutch puts the verb last: "heeft
            // Llama open source gemaakt".
            let causative = (!as_tok && c.head_kind == HeadKind::Predicative)
                .then(|| {
                    (o.saturating_sub(4)..o)
                        .rev()
                        .chain(after..toks.len().min(after + 2))
                        .find(|&v| cue_at(v, Role::Causative))
                })
                .flatten();
            if let Some(v) = verb
                .filter(|_| {
                    as_tok
                        || toks[c.toks.start].roles.has(Role::Determiner)
                        || c.head_kind == HeadKind::Predicative
                })
                .or(causative)
            {
                out.push(rel(RelationKind::SecondaryPredication, vec![m], v));
            }
        } else if as_tok {
            // Passive: "Llama, which is marketed as open source", "Llama was touted as …".
            let verb = k.checked_sub(1).filter(|&v| {
                cues.iter()
                    .any(|q| q.role == Role::Labelling && q.toks.contains(&v))
            });
            if let Some(v) = verb {
                let m = (v.saturating_sub(8)..v)
                    .rev()
                    .find_map(|x| toks[x].model().map(|m| (x, m)));
                if let Some((x, m)) = m {
                    let between = &toks[x + 1..v];
                    let passive = between
                        .iter()
                        .any(|t| t.roles.has(Role::Auxiliary) || t.roles.has(Role::Copula))
                        || (between.first().is_some_and(|t| t.is_punct(",")) && between.len() <= 3);
                    if passive {
                        out.push(rel(RelationKind::SecondaryPredication, vec![m], v));
                    }
                }
            }
        }
    }
    // Predicate: "Llama 3 is open source", "X, Y and Z are open-source models".
    if matches!(
        c.head_kind,
        HeadKind::Predicative | HeadKind::ModelClass | HeadKind::Unknown
    ) {
        // "counts as open source", "qualifies as", "geldt als".
        // Dutch inverts: "geldt het als open source".
        let counts_as = |v: usize| {
            matches!(
                toks[v].lower.as_str(),
                "counts"
                    | "count"
                    | "counted"
                    | "qualifies"
                    | "qualify"
                    | "qualified"
                    | "geldt"
                    | "gelden"
                    | "gold"
                    | "golden"
            )
        };
        let as_before = c
            .toks
            .start
            .checked_sub(1)
            .is_some_and(|a| matches!(toks[a].lower.as_str(), "as" | "als"));
        let phrase_copula = as_before
            .then(|| {
                let v = c.toks.start.checked_sub(2)?;
                if counts_as(v) {
                    return Some(v);
                }
                let v = c.toks.start.checked_sub(3)?;
                (counts_as(v) && matches!(toks[v + 1].lower.as_str(), "het" | "it")).then_some(v)
            })
            .flatten();
        if let Some(cop) = copula_before(toks, c.toks.start).or(phrase_copula) {
            let mut subj = subject_before(toks, cop);
            // "…, it qualifies as open source": the pronoun stands for the
            // nearest model before it in the sentence.
            let pronoun = |i: usize| {
                toks.get(i)
                    .is_some_and(|t| matches!(t.lower.as_str(), "it" | "het"))
            };
            if subj.is_empty() && cop > 0 && (pronoun(cop - 1) || pronoun(cop + 1)) {
                subj.extend(model_before(toks, cop - 1, 19));
            }
            if !subj.is_empty() {
                out.push(rel(RelationKind::Predicate, subj, cop));
            }
        }
    }
    // Inverted: "Is Llama 3 open source?", "Waarom is Llama 3 open source?".
    if c.head_kind == HeadKind::Predicative && c.toks.start >= 2 {
        let m = c.toks.start - 1;
        if let Some(model) = toks[m].model() {
            let cop = m - 1;
            if toks[cop].roles.has(Role::Copula) {
                out.push(rel(RelationKind::Predicate, vec![model], cop));
            }
        }
    }
    // Headline: "Gemma 3: Google's open-source answer to Llama".
    if c.head_kind == HeadKind::ModelClass {
        if let Some(colon) = toks[..c.toks.start].iter().rposition(|t| t.is_punct(":")) {
            let left = &toks[..colon];
            if left.len() <= 4 {
                if let Some(m) = left.iter().find_map(Token::model) {
                    out.push(rel(RelationKind::Headline, vec![m], colon));
                }
            }
        }
    }
    out
}
