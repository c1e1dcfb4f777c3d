//! "Although Meta introduced Llama 2 as open source, its licence is far
//! from it": a fronted concessive clause grants the label, and the main
//! clause takes it back.

use super::{Context, Judgment, Polarity, Rule};
use crate::detect::ClaimTerm;
use crate::structure::ClauseKind;

pub struct Concession;

/// Words that open a concessive clause.
const CONCESSIVE: &[&str] = &[
    "although", "though", "while", "whereas", "hoewel", "ofschoon", "terwijl",
];

/// What the main clause must speak of for its negation to answer the
/// label: "the licence is not …", "it is not open", not "it is not the
/// largest model".
const OPENNESS: &[&str] = &[
    "open",
    "osi",
    "free",
    "license",
    "licence",
    "licensed",
    "licentie",
    "vrij",
    "restricted",
    "restrictions",
    "beperkt",
    "beperkingen",
    "source",
];

impl Rule for Concession {
    fn id(&self) -> &'static str {
        "concession"
    }

    fn description(&self) -> &'static str {
        "a label granted in a fronted although/hoewel clause and denied in the main clause"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        let st = &ctx.structure;
        let Some(ti) = st.chunk_of(&term.plain).map(|c| c.term) else {
            return;
        };
        let Some((first, rest)) = st.clauses.split_first() else {
            return;
        };
        let opens = st
            .tokens
            .get(first.toks.start)
            .is_some_and(|t| CONCESSIVE.contains(&t.lower.as_str()));
        if first.kind != ClauseKind::Subordinate || !opens || !first.toks.contains(&ti) {
            return;
        }
        // The main clause may be split by a relative clause, and the
        // segmenter may leave its end in the relative ("the licence, which
        // caps usage, tells a different story").
        let mains: Vec<_> = rest
            .iter()
            .filter(|c| matches!(c.kind, ClauseKind::Main | ClauseKind::Relative))
            .map(|c| c.toks.clone())
            .collect();
        let denial = mains.iter().find_map(|m| st.denial_in(m.clone()));
        let about_openness = mains.iter().any(|m| {
            st.tokens[m.clone()]
                .iter()
                .any(|t| OPENNESS.contains(&t.lower.as_str()))
        });
        if let (Some(d), true) = (denial, about_openness) {
            let at = st.start_of(d.toks.start).unwrap_or(term.plain.start);
            j.set_polarity(
                Polarity::Disputed,
                self.id(),
                at,
                format!(
                    "granted in a concessive clause, denied by '{}'",
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
            "Although Meta launched Llama 2 as its open-source model, the licence that comes with it is far from open.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "While Google pitched Gemma 2 as an open-source model, its terms of use are not OSI-approved.",
            "Gemma 2",
            "none",
        );
        // The main clause denies something else.
        assert_outcome(
            "Although Llama 2 is an open-source model, it is not the largest one on the market.",
            "Llama 2",
            "warning",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Hoewel Meta Llama 2 als open-sourcemodel lanceerde, is de licentie allerminst open.",
            "Llama 2",
            "none",
        );
        assert_outcome(
            "Hoewel Llama 2 een open-sourcemodel is, is het niet het grootste model op de markt.",
            "Llama 2",
            "warning",
        );
    }
}
