//! "so-called", "zogenaamd", "open-source-ish": the writer does not vouch
//! for the word.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::{ClaimForm, ClaimTerm};
use crate::text::lexicon::{HEDGES, QUALIFIERS_AFTER};

pub struct Hedge;

impl Rule for Hedge {
    fn id(&self) -> &'static str {
        "hedge"
    }

    fn description(&self) -> &'static str {
        "so-called, zogenaamd, -ish and similar hedges"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if term.form == ClaimForm::Ish {
            j.set_polarity(
                Polarity::Hedged,
                self.id(),
                term.word.end,
                "'-ish' hedges the term".into(),
            );
            return;
        }
        // A hedge within the three words before the term, or anywhere in its clause for "what Meta calls".
        let first = ctx.tok_at_or_after(term.plain.start);
        let from = ctx
            .toks
            .get(first.saturating_sub(4))
            .map(|t| t.span.start)
            .unwrap_or(ctx.sentence.start);
        if let Some((cue, at)) = ctx.find_any(from..term.plain.start, HEDGES) {
            j.set_polarity(
                Polarity::Hedged,
                self.id(),
                at,
                format!("hedged by '{cue}'"),
            );
            return;
        }
        // "open source or otherwise", "open source with an asterisk": the term is
        // one side of a choice, or qualified away.
        let after = ctx
            .slice(term.word.end..ctx.sentence.end)
            .trim_start_matches(|c: char| c.is_whitespace() || crate::text::lexicon::is_quote(c))
            .to_lowercase();
        if let Some(cue) = QUALIFIERS_AFTER.iter().find(|c| after.starts_with(*c)) {
            j.set_polarity(
                Polarity::Hedged,
                self.id(),
                term.word.end,
                format!("qualified by '{cue}'"),
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
            "The so-called open-source Llama models come with an acceptable use policy.",
            "Llama",
            "none",
        );
        assert_outcome(
            "Meta's Llama 3 is open-source-ish at best.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Het zogenaamde open-sourcemodel Llama 3 kent een gebruiksbeleid.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Het zogeheten opensourcemodel Gemma 2 is populair.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "Het open-sourcemodel Gemma 2 is populair.",
            "Gemma 2",
            "warning",
        );
    }
}
