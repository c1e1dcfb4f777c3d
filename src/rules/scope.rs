//! Scope read from the sentence structure: lexical negation ("falsely
//! labels", "stopped short of", "verre van", "ten onrechte") before the
//! term in its clause, and the author disputing a labelled or reported
//! claim in the same sentence ("Meta markets Llama as open source, but its
//! licence is not OSI-approved"; "X, promoted as open source, fails to
//! meet the definition").

use super::{Context, Judgment, Polarity, RelationKind, Rule};
use crate::detect::ClaimTerm;
use crate::structure::{ClauseKind, Role};

pub struct Scope;

impl Rule for Scope {
    fn id(&self) -> &'static str {
        "scope"
    }

    fn description(&self) -> &'static str {
        "lexical negation in the term's clause; a labelled or reported claim the sentence disputes"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if j.polarity != Polarity::Asserted || j.subjects.is_empty() {
            return;
        }
        let st = &ctx.structure;
        let Some(k) = st.term_index(&term.plain) else {
            return;
        };
        let Some(chunk) = st.chunks.get(k) else {
            return;
        };
        let ti = chunk.term;
        let Some(clause) = st.clause_of(ti) else {
            return;
        };
        let text = ctx.text;
        // Lexical negation governs the claim only from close by: right before
        // the phrase ("far from open source", "instead of open-source
        // models"), or before the verb or copula that makes the claim
        // ("falsely labels Llama as", "an obstacle to Llama being open
        // source"). A fronted "Instead of paying per token, …" does not.
        let via = st
            .relations_of(k)
            .find(|r| Some(r.kind) == j.relation)
            .filter(|r| !r.kind.attributive())
            .map(|r| r.via);
        let from = via
            .map(|v| v.saturating_sub(4))
            .unwrap_or(chunk.toks.start.saturating_sub(3))
            .max(clause.toks.start.min(via.unwrap_or(usize::MAX)));
        if let Some(cue) = st
            .cues_in(Role::LexicalNegation, from..chunk.toks.start)
            .next()
        {
            j.set_polarity(
                Polarity::Negated,
                self.id(),
                st.tokens[cue.toks.start].span.start,
                format!("negated by '{}'", st.words(text, cue.toks.clone())),
            );
            return;
        }
        // A labelled claim ("markets X as", "promoted as") or one inside a
        // reported, relative or parenthetical clause is someone's label; the
        // same sentence disputing it takes it back.
        let labelled = j.relation == Some(RelationKind::SecondaryPredication)
            || matches!(
                clause.kind,
                ClauseKind::Reported | ClauseKind::Relative | ClauseKind::Parenthetical
            ) && st
                .cues
                .iter()
                .any(|c| matches!(c.role, Role::Labelling | Role::Reporting) && c.toks.end <= ti);
        if !labelled {
            return;
        }
        let own = chunk.toks.clone();
        let dispute = st.cues.iter().find(|c| {
            matches!(
                c.role,
                Role::Dispute | Role::LexicalNegation | Role::Negator
            ) && (c.toks.end <= own.start || c.toks.start >= own.end)
        });
        if let Some(cue) = dispute {
            j.set_polarity(
                Polarity::Disputed,
                self.id(),
                st.tokens[cue.toks.start].span.start,
                format!(
                    "the sentence disputes the label ('{}')",
                    st.words(text, cue.toks.clone())
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn lexical_negation_both_languages() {
        assert_outcome(
            "Meta wrongly brands Llama 3 as open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Google stops short of open-sourcing Gemma 2 entirely.",
            "Gemma 2",
            "none",
        );
        assert_outcome(
            "Meta noemt Llama 3 ten onrechte open source.",
            "Llama 3",
            "none",
        );
        assert_outcome("Llama 3 is verre van open source.", "Llama 3", "none");
        // Labelled by the developer and left standing: Meta's claim.
        assert_outcome("Meta brands Llama 3 as open source.", "Llama 3", "note");
    }

    #[test]
    fn disputed_label() {
        assert_outcome(
            "Meta sells Llama 3 as open source, yet the licence does not meet the OSI definition.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 3, which Meta promotes as open source, fails to meet the definition.",
            "Llama 3",
            "none",
        );
    }
}
