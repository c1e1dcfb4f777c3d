//! "If Llama 3 were open source, …" / "Als Llama 3 open source was, …":
//! a hypothetical is not a claim.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;

pub struct Conditional;

/// Cues that open a hypothetical clause. Dutch "als" also means "as", so it
/// counts only as the first word of the sentence and not right before the term.
const EN_CUES: &[&str] = &[
    "if",
    "unless",
    "whether",
    "suppose",
    "supposing",
    "were it",
    "even if",
];
const NL_CUES: &[&str] = &[
    "indien", "stel dat", "mocht", "mochten", "tenzij", "ingeval",
];

impl Rule for Conditional {
    fn id(&self) -> &'static str {
        "conditional"
    }

    fn description(&self) -> &'static str {
        "a claim inside an if-clause is hypothetical"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        // An attributive label is presupposed, whatever the clause says.
        if j.attributive() {
            return;
        }
        let before = ctx.sentence.start..term.plain.start;
        let cue = ctx
            .find_any(before.clone(), EN_CUES)
            .or_else(|| ctx.find_any(before.clone(), NL_CUES))
            .or_else(|| {
                let first = ctx.toks.first()?;
                let second_is_term = ctx
                    .toks
                    .get(1)
                    .is_some_and(|t| t.span.start >= term.plain.start);
                (matches!(first.lower.as_str(), "als" | "of") && !second_is_term).then_some((
                    if first.lower == "of" { "of" } else { "als" },
                    first.span.start,
                ))
            });
        if let Some((cue, at)) = cue {
            // Only when the if-clause runs on to the term (no comma in between).
            if !ctx.slice(at..term.plain.start).contains([',', ';']) {
                j.set_polarity(
                    Polarity::Hedged,
                    self.id(),
                    at,
                    format!("hypothetical ('{cue}')"),
                );
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
            "If Llama 3 were open source, companies could use it freely.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Companies could use Llama 3 freely if it were open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 3 is open source, if you ask Meta's marketing team.",
            "Llama 3",
            "warning",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Als Llama 3 open source was, konden bedrijven het vrij gebruiken.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Indien Gemma 2 open source zou zijn, mocht iedereen het aanpassen.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "Meta heeft Llama 4 als open source vrijgegeven.",
            "Llama 4",
            "warning",
        );
        assert_outcome(
            "Meta brengt Llama 4 uit als open source.",
            "Llama 4",
            "warning",
        );
    }
}
