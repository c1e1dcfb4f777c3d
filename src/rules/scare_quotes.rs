//! Scare quotes ("the 'open-source' Llama") distance the writer from the
//! word; a quoted term is mentioned, not used.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;
use crate::text::lexicon::is_quote;

pub struct ScareQuotes;

impl Rule for ScareQuotes {
    fn id(&self) -> &'static str {
        "scare-quotes"
    }

    fn description(&self) -> &'static str {
        "a term in quotes of its own is not the writer's claim"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        let before = ctx.slice(ctx.sentence.start..term.word.start);
        let mut rev = before.chars().rev();
        let Some(open) = rev.next() else { return };
        if !is_quote(open) || rev.next().is_some_and(char::is_alphanumeric) {
            return;
        }
        // The closing quote follows within three words.
        let after = ctx.slice(term.word.end..ctx.sentence.end);
        let mut words = 0;
        let mut prev_alnum = false;
        let mut chars = after.chars().peekable();
        while let Some(c) = chars.next() {
            // An apostrophe inside a word ("Meta's") is not a closing quote.
            let next_alnum = chars.peek().is_some_and(|n| n.is_alphanumeric());
            let apostrophe = prev_alnum && next_alnum && matches!(c, '\'' | '’');
            if is_quote(c) && !apostrophe {
                j.set_polarity(
                    Polarity::Hedged,
                    self.id(),
                    term.word.start - open.len_utf8(),
                    format!("the term is in quotes ({open}…{c})"),
                );
                return;
            }
            if c.is_whitespace() {
                words += 1;
                // A quote that runs on is a quotation, not scare quotes.
                if words > 1 {
                    return;
                }
            }
            prev_alnum = c.is_alphanumeric();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn both_languages_and_quote_styles() {
        assert_outcome(
            "The 'open-source' Llama 3 still ships with an acceptable use policy.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Het ‘open-source’ model Llama 3 heeft een gebruiksbeleid.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Het “open source”-model Llama 3 heeft een gebruiksbeleid.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Meta's open-source Llama 3 is popular.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Meta’s opensourcemodel Llama 3 is populair.",
            "Llama 3",
            "warning",
        );
    }
}
