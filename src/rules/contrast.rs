//! "Unlike truly open-source projects, Llama 2 …": the term names what the
//! model is set against.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;
use crate::text::lexicon::CONTRASTS;

pub struct Contrast;

impl Rule for Contrast {
    fn id(&self) -> &'static str {
        "contrast"
    }

    fn description(&self) -> &'static str {
        "a term introduced by unlike / anders dan / in tegenstelling tot"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        // "Unlike the open-source GPT-2, …" still calls GPT-2 open source.
        if j.subjects
            .iter()
            .any(|s| s.attachment == super::Attachment::Modifier)
        {
            return;
        }
        let first = ctx.tok_at_or_after(term.plain.start);
        let from = ctx
            .toks
            .get(first.saturating_sub(5))
            .map(|t| t.span.start)
            .unwrap_or(ctx.sentence.start);
        if let Some((cue, at)) = ctx.find_any(from..term.plain.start, CONTRASTS) {
            // Only when no model stands between the cue and the term; a
            // possessive names the maker ("Unlike Mistral's earlier
            // open-source releases, …").
            let possessive = |m: &usize| {
                let end = ctx.mention_span(*m).end;
                let rest = ctx.slice(end..term.plain.start);
                rest.starts_with("'s") || rest.starts_with("’s")
            };
            if ctx.mentions_in(at..term.plain.start).iter().all(possessive) {
                j.set_polarity(
                    Polarity::Negated,
                    self.id(),
                    at,
                    format!("set in contrast by '{cue}'"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn both_languages() {
        assert_outcome(
            "Unlike truly open-source projects, Llama 2 cannot be used freely by large companies.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "Anders dan echte open-sourceprojecten mag Llama 2 niet vrij worden gebruikt.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "In tegenstelling tot echte open-sourcemodellen kent Gemma 2 gebruiksregels.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "Unlike Mistral's earlier open-source releases, Mistral Large 2 is only offered as a paid service.",
            "Mistral Large 2",
            "none",
        );
        assert_outcome(
            "In tegenstelling tot Mistrals eerdere open-source modellen, is Mistral Large 2 alleen als betaalde dienst te gebruiken.",
            "Mistral Large 2",
            "none",
        );
        assert_outcome(
            "Unlike GPT-4, Llama 3 is open source.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Anders dan GPT-4 is Llama 3 open source.",
            "Llama 3",
            "warning",
        );
    }
}
