//! Negation and its scope. English negates before the term ("is not open
//! source"); Dutch often at the end of the clause ("Écht open-source is het
//! echter niet"). "Not only … but" and hyphenated "niet-commercieel" do not
//! negate the claim.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;
use crate::text::lexicon::{NEGATING_AFTER, NEGATING_PHRASES};
use crate::text::words::TokenKind;

pub struct Negation;

/// Words after a negator that cancel it: "not only", "niet alleen".
const NOT_NEGATING_NEXT: &[&str] = &[
    "only",
    "just",
    "merely",
    "alleen",
    "enkel",
    "slechts",
    "for",
    "toevallig",
    "without",
    "zonder",
    "surprisingly",
    "verrassend",
];

/// Words that may stand between a clause-final Dutch negator and the end.
const FINAL_FILLERS: &[&str] = &[
    "meer", "echt", "helemaal", "zo", "hoor", "dus", "langer", "at", "all", "really", "either",
    "wel",
];

impl Rule for Negation {
    fn id(&self) -> &'static str {
        "negation"
    }

    fn description(&self) -> &'static str {
        "negation in the term's clause, including Dutch clause-final niet/geen"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        // An attributive label is presupposed, whatever the clause says.
        if j.attributive() {
            return;
        }
        let clause = ctx.clause(&term.word);
        // Negation before the term, but not across ", which" / ", die" / ", dat":
        // a relative clause has a scope of its own.
        let mut start = clause.start;
        let first = ctx.tok_at_or_after(term.plain.start);
        for i in (1..first).rev() {
            let t = &ctx.toks[i];
            if t.span.start < clause.start {
                break;
            }
            if matches!(t.lower.as_str(), "which" | "die" | "dat" | "who" | "wat")
                && ctx.toks[i - 1].lower == ","
            {
                start = t.span.start;
                break;
            }
        }
        let before = ctx.toks_in(start..term.plain.start);
        for (i, t) in before.iter().enumerate() {
            if t.kind == TokenKind::Punct || !t.negator {
                continue;
            }
            let next = before.get(i + 1).map(|n| n.lower.as_str()).unwrap_or("");
            let hyphenated = ctx.slice(t.span.end..t.span.end + 1) == "-";
            if NOT_NEGATING_NEXT.contains(&next) || hyphenated {
                continue;
            }
            j.set_polarity(
                Polarity::Negated,
                self.id(),
                t.span.start,
                format!("negated by '{}'", ctx.slice(t.span.clone())),
            );
            return;
        }
        // Phrasal negators work on the words right after them ("far from open
        // source"): the `n` tokens before the term, within its clause.
        let words_back = |n: usize| {
            ctx.toks
                .get(first.saturating_sub(n))
                .map(|t| t.span.start)
                .unwrap_or(start)
                .max(start)
        };
        let near = words_back(5);
        // "open source in name only", "alleen in naam open source" (after the term).
        let tail_end = ctx
            .toks
            .get(ctx.tok_at_or_after(term.word.end) + 5)
            .map(|t| t.span.end)
            .unwrap_or(ctx.sentence.end)
            // "open source only if you ignore the licence": the qualifier may
            // open a clause of its own.
            .min(ctx.sentence.end);
        // "an obstacle to Llama 2 being truly open source", "far from Llama
        // being open source": the phrase scopes over a gerund clause.
        let gerund = ctx
            .find_any(
                near..term.plain.start,
                &["being", "to be", "te zijn", "zou zijn"],
            )
            .is_some();
        let near = if gerund { words_back(10) } else { near };
        // The language's lexicon adds its own phrases ("obstacle to",
        // "stopped short of", "verre van").
        let st = &ctx.structure;
        let lexical = || {
            st.cues
                .iter()
                .filter(|c| c.role == crate::structure::lexicon::Role::LexicalNegation)
                .filter_map(|c| {
                    let a = st.tokens.get(c.toks.start)?.span.start;
                    let b = st.tokens.get(c.toks.end.checked_sub(1)?)?.span.end;
                    (a >= near && b <= term.plain.start).then(|| (ctx.slice(a..b), a))
                })
                .next()
        };
        let phrasal = ctx
            .find_any(near..term.plain.start, NEGATING_PHRASES)
            .or_else(lexical)
            .or_else(|| ctx.find_any(term.word.end..tail_end.max(term.word.end), NEGATING_AFTER));
        if let Some((cue, at)) = phrasal {
            j.set_polarity(
                Polarity::Negated,
                self.id(),
                at,
                format!("negated by '{cue}'"),
            );
            return;
        }
        // Clause-final negation after the term (Dutch word order).
        let after = ctx.toks_in(term.word.end..clause.end);
        for (i, t) in after.iter().enumerate().take(8) {
            if !matches!(
                t.lower.as_str(),
                "niet"
                    | "allerminst"
                    | "geenszins"
                    | "nooit"
                    | "bepaald"
                    | "not"
                    | "evenmin"
                    | "geen"
            ) {
                continue;
            }
            let hyphenated = ctx.slice(t.span.end..t.span.end + 1) == "-";
            let tail_ok = after[i + 1..]
                .iter()
                .take_while(|n| n.kind != TokenKind::Punct)
                .all(|n| FINAL_FILLERS.contains(&n.lower.as_str()));
            if !hyphenated && tail_ok {
                j.set_polarity(
                    Polarity::Negated,
                    self.id(),
                    t.span.start,
                    format!("negated by clause-final '{}'", ctx.slice(t.span.clone())),
                );
                return;
            }
        }
        // "geen sprake van", "van open source is geen sprake" anywhere in the clause.
        if let Some((cue, at)) = ctx.find_any(
            clause,
            &["geen sprake", "geen kwestie", "out of the question"],
        ) {
            j.set_polarity(
                Polarity::Negated,
                self.id(),
                at,
                format!("negated by '{cue}'"),
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
            "Llama 2 is open source only if you ignore the licence.",
            "Llama 2",
            "none",
        );

        assert_outcome(
            "Llama 3.1 405B is not open source, whatever Meta's marketing says.",
            "Llama 3.1 405B",
            "none",
        );
        assert_outcome("Nobody would call GPT-4 open source.", "GPT-4", "none");
        assert_outcome(
            "Llama 3's license is far from open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Gemma 3 is an open-weights model, not an open-source one.",
            "Gemma 3",
            "none",
        );
        assert_outcome(
            "Meta's Llama 2 is anything but open source.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "Llama 2 is not only open source but also free.",
            "Llama 2",
            "warning",
        );
        assert_outcome(
            "Meta does not charge for Llama 2, which is open source.",
            "Llama 2",
            "warning",
        );
    }

    #[test]
    fn a_phrase_that_scopes_over_a_gerund_or_als() {
        assert_outcome(
            "Licence experts call the user cap an obstacle to Gemma 2 being fully open source.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "De gebruikerslimiet is een belemmering voor Gemma 2 als open source.",
            "Gemma 2",
            "none",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Écht open-source is NVLM-D-72B echter niet.",
            "NVLM-D-72B",
            "none",
        );
        assert_outcome(
            "NVLM-D-72B is geen open-sourcemodel, want commercieel gebruik is niet toegestaan.",
            "NVLM-D-72B",
            "none",
        );
        assert_outcome(
            "De licentie van Llama 2 is allesbehalve open source.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "Van open source is bij Llama 3 volgens critici geen sprake.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 2 is open source en geschikt voor niet-commerciële projecten.",
            "Llama 2",
            "warning",
        );
        assert_outcome(
            "Llama 2 is open source en gratis te gebruiken.",
            "Llama 2",
            "warning",
        );
    }
}
