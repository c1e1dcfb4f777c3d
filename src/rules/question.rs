//! "Is Llama 3 really open source?" asks; it does not claim.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;

pub struct Question;

impl Rule for Question {
    fn id(&self) -> &'static str {
        "question"
    }

    fn description(&self) -> &'static str {
        "a claim inside a question is not asserted"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        let rest = ctx.slice(term.word.end..ctx.sentence.end);
        if let Some(i) = rest.find(['.', '!', '?', '…']) {
            if rest[i..].starts_with('?') {
                j.set_polarity(
                    Polarity::Questioned,
                    self.id(),
                    term.word.end + i,
                    "the sentence is a question".into(),
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
        assert_outcome("Is Llama 3 really open source?", "Llama 3", "none");
        assert_outcome("Is Llama 3 wel echt open source?", "Llama 3", "none");
        assert_outcome("## Llama 3: het beste open-sourcemodel?", "Llama 3", "none");
        assert_outcome(
            "Llama 3 is open source. Why does Meta restrict it?",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Llama 3 is open source. Waarom beperkt Meta het?",
            "Llama 3",
            "warning",
        );
    }
}
