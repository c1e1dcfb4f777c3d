//! "Meta released Llama 3.2 this week. The model is open source." When a
//! sentence names no model, an anaphor ("the model", "it", "het model",
//! "het") that is the subject of the claim points to the last model named in
//! the previous sentence of the same block.

use super::{Attachment, Context, Judgment, Rule, Subject};
use crate::detect::{ClaimForm, ClaimTerm};
use crate::structure::relations::{is_anaphor_np, start_past_object};
use crate::structure::Role;
use crate::text::lexicon::{ANAPHORS, COPULAS};

pub struct Coreference;

impl Rule for Coreference {
    fn id(&self) -> &'static str {
        "coreference"
    }

    fn description(&self) -> &'static str {
        "links 'the model', 'it', 'het model' to the model named in the previous sentence"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if !j.subjects.is_empty() {
            return;
        }
        // A term that describes another noun ("open-source tools") has no antecedent to find.
        if let ClaimForm::Attributive { head: Some(h) } | ClaimForm::Compound { head: h } =
            &term.form
        {
            if crate::text::lexicon::classify_head(h) == crate::text::lexicon::Head::Other
                && !is_project(h)
            {
                return;
            }
        }
        if j.about_other {
            return;
        }
        // The antecedent: a model earlier in the same sentence but outside the
        // term's clause ("…gezet, waarmee ook dat model open source is"), else
        // the previous sentence's last model, else the model a quote is said to
        // be about ("“It is open source,” a developer said about GEITje Ultra").
        let clause_start = ctx.clause(&term.word).start;
        let earlier = ctx
            .sentence_mentions()
            .rev()
            .find(|&m| ctx.mention_span(m).end <= clause_start);
        let about = || {
            ctx.find_any(term.word.end..ctx.sentence.end, &["about", "over"])
                .and_then(|(cue, at)| {
                    ctx.sentence_mentions().find(|&m| {
                        let s = ctx.mention_span(m);
                        s.start > at && ctx.slice(at + cue.len()..s.start).trim().is_empty()
                    })
                })
        };
        let Some(prev) = earlier.or(ctx.previous).or_else(about) else {
            return;
        };
        // "It is open-sourced for researchers": a passive verb reads as a
        // predicate.
        let passive = matches!(term.form, ClaimForm::Verb) && {
            let first = ctx.tok_at_or_after(term.word.start);
            first
                .checked_sub(1)
                .and_then(|i| ctx.toks.get(i))
                .is_some_and(|t| COPULAS.contains(&t.lower.as_str()))
        };
        // "Open-sourcing the model gave Meta …", "Meta open-sourced it":
        // the verb's object is the anaphor.
        if matches!(term.form, ClaimForm::Verb) && !passive {
            let next = ctx.tok_at_or_after(term.word.end);
            let words: Vec<&str> = ctx
                .toks
                .iter()
                .skip(next)
                .take(2)
                .map(|t| t.lower.as_str())
                .collect();
            let object = matches!(words.first(), Some(&("it" | "them" | "het")))
                || matches!(
                    words.as_slice(),
                    [
                        "the" | "this" | "that" | "het" | "dit" | "dat",
                        "model" | "system" | "chatbot" | "llm"
                    ]
                );
            if object {
                tie(j, prev, Attachment::Object);
            }
            return;
        }
        // "They released it open source", "Meta markets the model as open
        // source": a labelling or causative verb whose object is an anaphor.
        if anaphor_object(ctx, term) {
            tie(j, prev, Attachment::Object);
            return;
        }
        // "Hosted in Paris, the project challenges big tech by offering an
        // open-source alternative": the anaphor offers what it is.
        if offered_by_anaphor(ctx, term) {
            tie(j, prev, Attachment::Coreference);
            return;
        }
        // "Dit is een open-source project", "It is an open-source project":
        // a project head counts only as the predicate of the anaphor.
        let project_predicate = matches!(&term.form,
            ClaimForm::Attributive { head: Some(h) } | ClaimForm::Compound { head: h } if is_project(h));
        if project_predicate {
            let clause = ctx.clause(&term.word);
            let before = ctx.toks_in(clause.start..term.plain.start);
            let n = before.len();
            let copula_then_anaphor = before.iter().enumerate().any(|(i, t)| {
                COPULAS.contains(&t.lower.as_str())
                    && (i + 1 < n && matches!(before[i + 1].lower.as_str(), "it" | "het" | "dit")
                        || i > 0
                            && matches!(
                                before[i - 1].lower.as_str(),
                                "it" | "het" | "dit" | "this"
                            ))
            });
            if copula_then_anaphor {
                tie(j, prev, Attachment::Coreference);
            }
            return;
        }
        // "What is Llama 3? The next generation of open-source LLMs": a
        // headline question, then what the model is.
        let after_question = ctx
            .previous_sentence
            .as_ref()
            .is_some_and(|p| ctx.slice(p.clone()).trim_end().ends_with('?'));
        if after_question
            && generation_of(ctx, term)
            && ctx
                .mentions_in(ctx.sentence.start..term.plain.start)
                .is_empty()
        {
            tie(j, prev, Attachment::Coreference);
            return;
        }
        match &term.form {
            ClaimForm::Predicative | ClaimForm::Ish => {}
            ClaimForm::Verb if passive => {}
            ClaimForm::Attributive { head: Some(h) } | ClaimForm::Compound { head: h }
                if h.ends_with("model")
                    || h == "ai"
                    || h == "llm"
                    || h.ends_with("alternative")
                    || h.ends_with("alternatief") => {}
            _ => return,
        }
        let clause = ctx.clause(&term.word);
        let link = |j: &mut Judgment| tie(j, prev, Attachment::Coreference);
        let first = ctx.tok_at_or_after(term.word.start);
        let before_term = first.checked_sub(1).and_then(|i| ctx.toks.get(i));
        // "Het open-sourcemodel van Meta …": a definite noun phrase about a model.
        let model_np = matches!(&term.form,
            ClaimForm::Attributive { head: Some(h) } | ClaimForm::Compound { head: h }
                if h.ends_with("model") || h == "ai" || h == "llm");
        let no_model_before = ctx
            .mentions_in(ctx.sentence.start..term.plain.start)
            .is_empty();
        if model_np
            && no_model_before
            && (before_term.is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "het" | "de" | "the" | "dit" | "this" | "dat" | "that"
                )
            }) || definite_singular(ctx, term))
        {
            link(j);
            return;
        }
        // "Mistral AI bracht dat model uit als open source": a release frame with a full anaphor.
        let as_frame = before_term.is_some_and(|t| matches!(t.lower.as_str(), "als" | "as"));
        // A full anaphor ("dat model", "the model") before the term, in its clause.
        let full_anaphor = || {
            ANAPHORS
                .iter()
                .filter(|a| a.contains(' '))
                .any(|a| ctx.find_phrase(clause.start..term.plain.start, a).is_some())
        };
        if as_frame && no_model_before && full_anaphor() {
            link(j);
            return;
        }
        let toks = ctx.toks_in(clause.clone());
        // The anaphor must be the copula's subject: "<anaphor> <copula>" or "<copula> <anaphor>".
        // Dutch verb-final clauses: "waarmee ook dat model nu open source is".
        let copula_after = toks
            .iter()
            .any(|t| t.span.start >= term.word.end && COPULAS.contains(&t.lower.as_str()));
        if copula_after && full_anaphor() {
            link(j);
            return;
        }
        for (i, t) in toks.iter().enumerate() {
            if !COPULAS.contains(&t.lower.as_str()) {
                continue;
            }
            // "the model itself is", "het model zelf is".
            let before: Vec<&str> = toks[..i]
                .iter()
                .rev()
                .skip_while(|t| matches!(t.lower.as_str(), "itself" | "zelf" | "also" | "ook"))
                .take(3)
                .map(|t| t.lower.as_str())
                .collect();
            let skipped = toks[..i]
                .iter()
                .rev()
                .take_while(|t| matches!(t.lower.as_str(), "itself" | "zelf" | "also" | "ook"))
                .count();
            let i = i - skipped;
            let after = toks.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
            let subject_before = ANAPHORS.iter().any(|a| {
                let words: Vec<&str> = a.split(' ').collect();
                words.len() <= before.len()
                    && words.iter().rev().zip(before.iter()).all(|(w, b)| w == b)
                    && (i == words.len()
                        || toks[i - words.len() - 1].lower == ","
                        || i - words.len() <= 1
                        // "He said that it is …", "That means the model is
                        // …"; not "the code of the model is …".
                        || !matches!(
                            toks[i - words.len() - 1].lower.as_str(),
                            "of" | "for" | "in" | "on" | "with" | "from" | "to" | "by" | "about"
                                | "than" | "like" | "van" | "voor" | "op" | "met" | "uit"
                                | "naar" | "door" | "over" | "dan" | "zoals" | "bij" | "aan"
                        ))
            });
            let inverted = matches!(after, "het" | "it" | "dit" | "deze");
            if subject_before || inverted {
                link(j);
                return;
            }
        }
    }
}

/// Ties the term to the antecedent.
fn tie(j: &mut Judgment, mention: usize, attachment: Attachment) {
    j.subjects.push(Subject {
        mention,
        attachment,
    });
}

/// "released it open source", "made the model open source", "markets it
/// as open source": the term follows a pronoun or a definite anaphor that is
/// the object of a labelling or causative verb.
fn anaphor_object(ctx: &Context<'_>, term: &ClaimTerm) -> bool {
    let st = &ctx.structure;
    let Some(c) = st.chunk_of(&term.plain) else {
        return false;
    };
    let toks = &st.tokens;
    let mut k = start_past_object(toks, c);
    if k > 0 && matches!(toks[k - 1].lower.as_str(), "as" | "als") {
        k -= 1;
    }
    let pronoun = k >= 1 && matches!(toks[k - 1].lower.as_str(), "it" | "them");
    let verb = if pronoun {
        k.checked_sub(2)
    } else if k >= 2 && is_anaphor_np(toks, k - 2) {
        k.checked_sub(3)
    } else {
        None
    };
    verb.is_some_and(|v| {
        st.cues
            .iter()
            .any(|q| matches!(q.role, Role::Labelling | Role::Causative) && q.toks.contains(&v))
    })
}

/// "the project … by offering an open-source alternative", "het model biedt
/// een open-source alternatief": a model-class phrase as the object of an
/// offering verb whose subject, earlier in the sentence, is an anaphor.
fn offered_by_anaphor(ctx: &Context<'_>, term: &ClaimTerm) -> bool {
    const OFFER: &[&str] = &[
        "offer",
        "offers",
        "offered",
        "offering",
        "provide",
        "provides",
        "provided",
        "providing",
        "represents",
        "representing",
        "biedt",
        "bieden",
        "bood",
        "vormt",
    ];
    let st = &ctx.structure;
    let Some(c) = st.chunk_of(&term.plain) else {
        return false;
    };
    if c.head_kind != crate::structure::HeadKind::ModelClass || c.toks.start == 0 {
        return false;
    }
    let toks = &st.tokens;
    let verb = c.toks.start - 1;
    if !OFFER.contains(&toks[verb].lower.as_str()) {
        return false;
    }
    (0..verb).any(|k| {
        let subject = toks[k].lower == "it"
            || k + 1 < verb
                && matches!(toks[k].lower.as_str(), "the" | "this" | "het" | "dit")
                && matches!(
                    toks[k + 1].lower.as_str(),
                    "project" | "model" | "system" | "systeem"
                );
        let after_preposition = k
            .checked_sub(1)
            .is_some_and(|p| toks[p].roles.has(Role::Preposition));
        subject && !after_preposition
    })
}

/// "The next generation of open-source LLMs", "de nieuwe generatie van
/// zijn open-source taalmodel": a model-class phrase after "generation of"
/// speaks of one model, the one the text is about.
pub(super) fn generation_of(ctx: &Context<'_>, term: &ClaimTerm) -> bool {
    let st = &ctx.structure;
    let Some(c) = st.chunk_of(&term.plain) else {
        return false;
    };
    let toks = &st.tokens;
    c.head_kind == crate::structure::HeadKind::ModelClass
        && c.toks.start >= 2
        && matches!(toks[c.toks.start - 1].lower.as_str(), "of" | "van")
        && matches!(
            toks[c.toks.start - 2].lower.as_str(),
            "generation" | "generatie"
        )
}

/// Heads the press uses for a model as a whole: "an open-source project".
fn is_project(head: &str) -> bool {
    matches!(head, "project" | "projekt" | "software")
}

/// "The company's first open-source large language model arrived in
/// February", "Its open-source model …": a singular noun phrase about a
/// model, made definite by a determiner or a possessive, in a sentence that
/// names no model, speaks of the model named before.
pub(super) fn definite_singular(ctx: &Context<'_>, term: &ClaimTerm) -> bool {
    let st = &ctx.structure;
    let Some(c) = st.chunk_of(&term.plain) else {
        return false;
    };
    if c.head_kind != crate::structure::HeadKind::ModelClass {
        return false;
    }
    let Some(head) = st.tokens.get(c.head) else {
        return false;
    };
    let singular = !(head.lower.ends_with('s') || head.lower.ends_with("en"));
    let Some(first) = st.tokens.get(c.toks.start) else {
        return false;
    };
    let definite = first.possessive
        || matches!(
            first.lower.as_str(),
            "the" | "this" | "its" | "their" | "het" | "dit" | "zijn" | "haar" | "hun"
        );
    singular && definite
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn english() {
        assert_outcome(
            "Meta released Llama 3.2 this week. The model is open source and free to use.",
            "Llama 3.2",
            "warning",
        );
        assert_outcome(
            "Meta released Llama 3.2 this week. It is an open-source model.",
            "Llama 3.2",
            "warning",
        );
        assert_outcome(
            "Meta released Llama 3.2 this week. Open-source tools helped.",
            "Llama 3.2",
            "none",
        );
        assert_outcome(
            "Meta released Llama 3.2.\n\nThe model is open source.",
            "Llama 3.2",
            "none",
        );
        assert_outcome(
            "Nvidia put NVLM-D-72B online on Tuesday. It is open-sourced for researchers.",
            "NVLM-D-72B",
            "warning",
        );
        assert_outcome(
            "Zuckerberg showed Llama 3.1 on stage. He said that it is the most capable open-source model yet.",
            "Llama 3.1",
            "note",
        );
        assert_outcome(
            "Then Meta shipped Llama 2. The company's second open-source language model came out in July 2023.",
            "Llama 2",
            "warning",
        );
        assert_outcome(
            "Llama 3 ships with open weights. That means the model itself is open source, Meta says.",
            "Llama 3",
            "note",
        );
        assert_outcome(
            "Meta kept Llama 2 closed at first. Open-sourcing the model later won it thousands of developers.",
            "Llama 2",
            "warning",
        );
        assert_outcome(
            "Meta kept Llama 2 closed at first. Open-sourcing the training code came later.",
            "Llama 2",
            "none",
        );
        // A chain of anaphors carries the antecedent on; any other sentence
        // breaks it.
        assert_outcome(
            "Meta put Llama 3.1 online in July. This model, with its 405 billion parameters, drew wide attention. It is the largest open-source model to date.",
            "Llama 3.1",
            "warning",
        );
        assert_outcome(
            "Meta put Llama 3.1 online in July. Analysts expect a price war. It is the largest open-source model to date.",
            "Llama 3.1",
            "none",
        );
        // A labelling or causative verb with an anaphor object.
        assert_outcome(
            "DeepSeek, a lab from Hangzhou, put out R1, a reasoning model, in January. They released it open source, weights included.",
            "DeepSeek-R1",
            "note",
        );
        assert_outcome(
            "Meta showed Llama 3.1 on Tuesday. The company markets the model as open source.",
            "Llama 3.1",
            "note",
        );
        assert_outcome(
            "Meta showed Llama 3.1 on Tuesday. The company released the code as open source.",
            "Llama 3.1",
            "none",
        );
        // The anaphor subject offers what it is.
        assert_outcome(
            "Volunteers released BLOOM in 2022. Trained on a public supercomputer, the project takes on big tech by offering an open-source, multilingual alternative.",
            "BLOOM",
            "warning",
        );
        assert_outcome(
            "Volunteers released BLOOM in 2022. Meanwhile the company behind the hub is offering an open-source alternative to its own tools.",
            "BLOOM",
            "none",
        );
        // A headline question, then what the model is.
        assert_outcome(
            "# What is Llama 3? A field guide to the next generation of open-source LLMs",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Meta released Llama 3 in April. Analysts now wait for the next generation of open-source LLMs from China.",
            "Llama 3",
            "none",
        );
        // Plural and indefinite phrases speak of a class, not of the model.
        assert_outcome(
            "Then Meta shipped Llama 2. The open-source models of its rivals came later.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "Then Meta shipped Llama 2. An open-source model from a rival came later.",
            "Llama 2",
            "none",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Nvidia bracht deze week NVLM-D-72B uit. Het model is volledig open source.",
            "NVLM-D-72B",
            "warning",
        );
        assert_outcome(
            "Nvidia bracht NVLM 1.0 uit. Écht open-source is het echter niet.",
            "NVLM 1.0",
            "none",
        );
        assert_outcome(
            "Nvidia bracht NVLM 1.0 uit. Het gaat te ver om van open source te spreken.",
            "NVLM 1.0",
            "none",
        );
        assert_outcome(
            "Meta bracht in 2023 Llama 2 uit. Het tweede open-sourcemodel van het bedrijf was meteen populair.",
            "Llama 2",
            "warning",
        );
        assert_outcome(
            "Meta bracht Llama 2 uit. Het model zelf is open source, zegt Meta.",
            "Llama 2",
            "note",
        );
        assert_outcome(
            "Meta bracht Llama 3.1 in juli uit. Het model telt 405 miljard parameters. Het is het grootste open-sourcemodel tot nu toe.",
            "Llama 3.1",
            "warning",
        );
        assert_outcome(
            "Meta bracht Llama 2 uit. De open-sourcemodellen van concurrenten volgden later.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "Stability AI bracht Stable Diffusion XL uit. Voor kunstenaars is dit een open-source project met veel mogelijkheden.",
            "Stable Diffusion XL",
            "warning",
        );
        assert_outcome(
            "Meta toonde Llama 3.1 op dinsdag. Het bedrijf presenteert het model als open source.",
            "Llama 3.1",
            "note",
        );
        assert_outcome(
            "Meta bracht Llama 2 uit. Het open-source project erachter groeit snel.",
            "Llama 2",
            "none",
        );
    }
}
