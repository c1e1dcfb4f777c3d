//! The model named in the next sentence. A news lead often withholds the
//! name ("Meta on Monday introduced its newest open-source language model.
//! The first two Llama 4 models …"), and an explainer defines a class before
//! it gives examples ("Open-source AI means models you can run yourself.
//! Well-known examples are the Llama models."). Both tie the term to the
//! next sentence of the same block, and only when the term's own sentence
//! names no model.

use super::coreference::{definite_singular, generation_of};
use super::{Attachment, Context, Judgment, Rule, Subject};
use crate::detect::ClaimTerm;
use crate::structure::{HeadKind, Role};

pub struct Cataphora;

/// Openings of a sentence that gives examples of the class named before.
const EXAMPLE_CUES: &[&str] = &[
    "this category",
    "that category",
    "such models",
    "these models",
    "examples are",
    "examples include",
    "well-known examples",
    "known examples",
    "one example is",
    "an example is",
    "a good example is",
    "for example",
    "for instance",
    "deze categorie",
    "die categorie",
    "dit soort modellen",
    "zulke modellen",
    "voorbeelden zijn",
    "bekende voorbeelden",
    "een voorbeeld is",
    "een bekend voorbeeld",
    "bijvoorbeeld",
];

impl Rule for Cataphora {
    fn id(&self) -> &'static str {
        "cataphora"
    }

    fn description(&self) -> &'static str {
        "ties a lead's unnamed model, or a class and its examples, to the model named in the next sentence"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if j.about_other || !j.subjects.is_empty() || ctx.here.start != ctx.here.end {
            return;
        }
        let Some(next) = ctx.next_sentence.clone() else {
            return;
        };
        let st = &ctx.structure;
        let Some(chunk) = st.chunk_of(&term.plain) else {
            return;
        };
        if chunk.head_kind == HeadKind::Other {
            return;
        }
        // A class with its examples: the term heads a model class or opens
        // the sentence as its subject ("Open source betekent …").
        // "Most of the systems tested are open source. Examples are …".
        let predicate_of_class = chunk.head_kind == HeadKind::Predicative
            && st.tokens[..chunk.toks.start]
                .iter()
                .any(|t| t.roles.has(Role::ModelHead));
        let class =
            chunk.head_kind == HeadKind::ModelClass || chunk.toks.start == 0 || predicate_of_class;
        let examples = class && ctx.next_has_any(EXAMPLE_CUES);
        // A lead: the block's first sentence speaks of one definite model.
        let lead = ctx.previous_sentence.is_none()
            && (definite_singular(ctx, term) || generation_of(ctx, term));
        if examples {
            let mut seen = Vec::new();
            for m in ctx.mentions_within(next) {
                let model = ctx.mentions[m].model;
                if !seen.contains(&model) {
                    seen.push(model);
                    j.subjects.push(Subject {
                        mention: m,
                        attachment: Attachment::Example,
                    });
                }
            }
        } else if lead {
            if let Some(m) = ctx.mentions_within(next).next() {
                j.subjects.push(Subject {
                    mention: m,
                    attachment: Attachment::Cataphora,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn english() {
        assert_outcome(
            "Meta on Monday unveiled the newest version of its popular open-source language model. The first two models of the Llama 4 family are out now.",
            "Llama 4",
            "warning",
        );
        // Not a lead: the paragraph spoke of something else first.
        assert_outcome(
            "Analysts expect a price war. Meta unveiled its open-source language model. The first two models of the Llama 4 family are out now.",
            "Llama 4",
            "none",
        );
        assert_outcome(
            "Open-source AI means models whose makers let you run them on your own servers. Well-known examples are Mistral 7B and the Llama 3 models.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Open-source AI means models whose makers let you run them on your own servers. Llama 3 is not one of them.",
            "Llama 3",
            "none",
        );
        // A class of tools, not of models.
        assert_outcome(
            "Open-source tools make this easy. Examples include scripts that fine-tune Llama 3.",
            "Llama 3",
            "none",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Open source betekent dat iedereen de broncode mag inzien en aanpassen. Ook de Llama 3-modellen van Meta vallen onder deze categorie.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Open source betekent dat iedereen de broncode mag inzien en aanpassen. Meta bracht Llama 3 uit in april.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Meta heeft maandag de nieuwe generatie van zijn open-source taalmodel gepresenteerd. De eerste twee modellen uit de Llama 4-familie zijn nu te downloaden.",
            "Llama 4",
            "warning",
        );
    }
}
