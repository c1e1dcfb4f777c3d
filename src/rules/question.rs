//! "Is Llama 3 really open source?" asks; it does not claim.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::{ClaimForm, ClaimTerm};
use crate::structure::Question as Asked;

pub struct Question;

impl Rule for Question {
    fn id(&self) -> &'static str {
        "question"
    }

    fn description(&self) -> &'static str {
        "a claim inside a question is not asserted"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        // "Have you heard of Llama, Meta's open-source model?" presupposes the
        // label; "Why did Meta make Llama open source?" does too.
        let st = &ctx.structure;
        let at = st.chunk_of(&term.plain).map(|c| c.term);
        let asked = at.map(|i| st.question_at(i));
        // "Llama is open source, but why does it matter?": the question is
        // the part after the conjunction; the claim before it stands.
        if st.question().is_some() && asked == Some(None) {
            return;
        }
        if j.attributive()
            || (asked.flatten() == Some(Asked::Wh)
                && matches!(term.form, ClaimForm::Predicative | ClaimForm::Verb)
                && !j.subjects.is_empty())
        {
            return;
        }
        // A terminal mark is followed by a space, a quote or the end ("Llama 3.2?" but not "3.2").
        if let Some(at) = ctx.stop_after(term.word.end) {
            if ctx.slice(at..ctx.sentence.end).starts_with('?') {
                j.set_polarity(
                    Polarity::Questioned,
                    self.id(),
                    at,
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

    #[test]
    fn presupposed_label_stays_a_claim() {
        assert_outcome(
            "Have you tried Llama 3, the open-source model from Meta?",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Werkt het opensourcemodel Llama 3 ook op een laptop?",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Why did Meta make Llama 3 open source?",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Waarom heeft Meta het model Llama 3 eigenlijk open source gemaakt?",
            "Llama 3",
            "warning",
        );
        assert_outcome("Is Llama 3 open source?", "Llama 3", "none");
        assert_outcome("Is Llama 3 een opensourcemodel?", "Llama 3", "none");
    }

    #[test]
    fn a_statement_before_a_coordinated_question_stands() {
        assert_outcome(
            "Llama 3 is Meta's open-source model, but what does that mean for newsrooms?",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Llama 3 is het opensourcemodel van Meta, maar wat betekent dat voor redacties?",
            "Llama 3",
            "warning",
        );
        // The claim is in the asking part.
        assert_outcome(
            "Meta calls it a breakthrough, but is Llama 3 really open source?",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Meta spreekt van een doorbraak, maar is Llama 3 wel open source?",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Is Llama 3 open source, or is it only open weights?",
            "Llama 3",
            "none",
        );
    }
}
