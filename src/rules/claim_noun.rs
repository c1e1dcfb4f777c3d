//! "Meta's claim that Llama is open source is misleading": the label is the
//! content of a noun ("claim", "bewering") that the sentence then disputes.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;

pub struct ClaimNoun;

/// Nouns whose "that"-clause holds what someone asserts.
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "notion",
    "idea",
    "suggestion",
    "bewering",
    "stelling",
    "idee",
    "suggestie",
];

impl Rule for ClaimNoun {
    fn id(&self) -> &'static str {
        "claim-noun"
    }

    fn description(&self) -> &'static str {
        "a 'the claim that …' clause whose sentence disputes or denies it"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        let st = &ctx.structure;
        let Some(ti) = st.chunk_of(&term.plain).map(|c| c.term) else {
            return;
        };
        // "claim that" within the eight tokens before the term.
        let from = ti.saturating_sub(8);
        let Some(that) = (from..ti).find(|&i| {
            i > 0
                && matches!(st.tokens[i].lower.as_str(), "that" | "dat")
                && CLAIM_NOUNS.contains(&st.tokens[i - 1].lower.as_str())
        }) else {
            return;
        };
        if st.tokens[that..ti]
            .iter()
            .any(|t| t.is_punct(";") || t.is_punct("."))
        {
            return;
        }
        if let Some(d) = st.denial_in(ti + 1..st.tokens.len()) {
            let at = st.start_of(d.toks.start).unwrap_or(term.plain.start);
            j.set_polarity(
                Polarity::Disputed,
                self.id(),
                at,
                format!(
                    "the claim is put in question by '{}'",
                    st.words(ctx.text, d.toks.clone())
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn english() {
        assert_outcome(
            "Google's claim that Gemma 2 is open source does not survive a reading of its terms.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "The claim that Gemma 2 is open source is misleading, say licence experts.",
            "Gemma 2",
            "none",
        );
        // Repeated, not disputed: the speaker's claim stands.
        assert_outcome(
            "Google repeated its claim that Gemma 2 is open source.",
            "Gemma 2",
            "note",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "De bewering dat Gemma 2 open source is, klopt niet.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "Google herhaalde de bewering dat Gemma 2 open source is.",
            "Gemma 2",
            "note",
        );
    }
}
