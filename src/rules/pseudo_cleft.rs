//! "What sets Llama 3 apart is that it is an open-source model", "Wat Stable
//! Diffusion baanbrekend maakt, is de flexibiliteit van een open-source
//! project": a pseudo-cleft names the model in its wh-clause and says
//! what it is after the copula, so the term there describes the model.

use super::{Attachment, Context, Judgment, Rule, Subject};
use crate::detect::ClaimTerm;
use crate::structure::{HeadKind, Role};

pub struct PseudoCleft;

impl Rule for PseudoCleft {
    fn id(&self) -> &'static str {
        "pseudo-cleft"
    }

    fn description(&self) -> &'static str {
        "ties a term after the copula of 'What makes X special is …' to X"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if j.about_other || !j.subjects.is_empty() {
            return;
        }
        let st = &ctx.structure;
        let toks = &st.tokens;
        let opens = toks
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "what" | "wat"));
        let asked = toks.last().is_some_and(|t| t.is_punct("?"));
        if !opens || asked {
            return;
        }
        let Some(c) = st.chunk_of(&term.plain) else {
            return;
        };
        let head = toks.get(c.head).map(|h| h.lower.as_str()).unwrap_or("");
        let describes = matches!(c.head_kind, HeadKind::ModelClass | HeadKind::Predicative)
            || matches!(head, "project" | "software");
        if !describes {
            return;
        }
        // The main copula: the first one after a model, before the term.
        let mut model = None;
        let mut copula = None;
        for (k, t) in toks.iter().enumerate().take(c.toks.start) {
            if let Some(m) = t.model() {
                if copula.is_some() {
                    return;
                }
                model = model.or(Some(m));
            } else if model.is_some() && t.roles.has(Role::Copula) && copula.is_none() {
                copula = Some(k);
            }
        }
        // No other model after the term either.
        if toks[c.toks.end..].iter().any(|t| t.model().is_some()) {
            return;
        }
        if let (Some(m), Some(_)) = (model, copula) {
            j.subjects.push(Subject {
                mention: m,
                attachment: Attachment::Predicate,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn english() {
        assert_outcome(
            "What sets Llama 3 apart from its rivals is that it is an open-source model with a huge community.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "What Meta calls Llama 3 is a family of models, not an open-source project.",
            "Llama 3",
            "none",
        );
        // A licence is another noun: the term is about it.
        assert_outcome(
            "What sets Llama 3 apart is its open-source licence.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "What is Llama 3 and is it really an open-source model?",
            "Llama 3",
            "none",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Wat Stable Diffusion XL zo sterk maakt, is de snelheid van een commercieel product en de vrijheid van een open-source project.",
            "Stable Diffusion XL",
            "warning",
        );
        assert_outcome(
            "Wat Stable Diffusion XL zo sterk maakt, is niet dat het een open-source project zou zijn.",
            "Stable Diffusion XL",
            "none",
        );
    }
}
