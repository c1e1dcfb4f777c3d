//! "Het gaat te ver om Llama open source te noemen", "calling Llama open
//! source is a stretch": the sentence names the claim to reject it.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;
use crate::text::lexicon::REBUTTALS;

pub struct Rebuttal;

impl Rule for Rebuttal {
    fn id(&self) -> &'static str {
        "rebuttal"
    }

    fn description(&self) -> &'static str {
        "the sentence calls the claim wrong, misleading or a stretch"
    }

    fn apply(&self, ctx: &Context<'_>, _term: &ClaimTerm, j: &mut Judgment) {
        if let Some((cue, at)) = ctx.find_any(ctx.sentence.clone(), REBUTTALS) {
            j.set_polarity(
                Polarity::Disputed,
                self.id(),
                at,
                format!("rebutted by '{cue}'"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn both_languages() {
        assert_outcome(
            "Het gaat te ver om Llama 3 open source te noemen.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Calling Llama 3 open source is a stretch.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Critics say Meta misleadingly markets Llama 3 as open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Meta noemt Llama 3 ten onrechte open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Het gaat goed met Llama 3, het open-sourcemodel van Meta.",
            "Llama 3",
            "warning",
        );
    }
}
