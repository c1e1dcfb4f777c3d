//! "Like other open-source models, Llama 3 …", "… often withheld in other
//! open-source models), xAI revealed Grok-1": "other" counts the sentence's
//! model among the class the term names, so the label is presupposed.

use super::{Attachment, Context, Judgment, Rule, Subject};
use crate::detect::ClaimTerm;
use crate::structure::{HeadKind, Role};

pub struct Membership;

/// Words after which a model is compared with the class, not counted in it:
/// "other open-source models lag behind GPT-4o".
const COMPARISON: &[&str] = &[
    "than",
    "behind",
    "against",
    "versus",
    "vs",
    "unlike",
    "beat",
    "beats",
    "outperforms",
    "dan",
    "tegen",
    "achter",
    "verslaat",
];

impl Rule for Membership {
    fn id(&self) -> &'static str {
        "membership"
    }

    fn description(&self) -> &'static str {
        "ties 'other open-source models' to the one model the sentence names"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        if j.about_other || !j.subjects.is_empty() {
            return;
        }
        let st = &ctx.structure;
        let Some(c) = st.chunk_of(&term.plain) else {
            return;
        };
        let toks = &st.tokens;
        let Some(head) = toks.get(c.head) else {
            return;
        };
        let plural = head.lower.ends_with('s') || head.lower.ends_with("en");
        if c.head_kind != HeadKind::ModelClass || !plural {
            return;
        }
        let other = (c.toks.start.saturating_sub(1)..c.term)
            .any(|k| matches!(toks[k].lower.as_str(), "other" | "andere"));
        if !other {
            return;
        }
        // Exactly one model, not itself compared with the class.
        let mut found: Option<usize> = None;
        for (k, t) in toks.iter().enumerate() {
            let Some(m) = t.model() else {
                continue;
            };
            let compared = k.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
                p.roles.has(Role::Preposition)
                    || p.roles.has(Role::Contrast)
                    || COMPARISON.contains(&p.lower.as_str())
            });
            if compared {
                return;
            }
            match found {
                Some(f) if ctx.mentions[f].model != ctx.mentions[m].model => return,
                Some(_) => {}
                None => found = Some(m),
            }
        }
        if let Some(m) = found {
            j.subjects.push(Subject {
                mention: m,
                attachment: Attachment::Member,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_outcome;

    #[test]
    fn english() {
        assert_outcome(
            "Like other open-source models, Llama 3 can be downloaded and run on a laptop.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "Besides publishing the weights (which other open-source models often hold back), xAI said that Grok-1 has 314 billion parameters.",
            "Grok-1",
            "note",
        );
        // Compared with the class, not counted in it.
        assert_outcome(
            "Other open-source models still lag behind GPT-4o on most benchmarks.",
            "GPT-4o",
            "none",
        );
        // Two models: which one is meant is not said.
        assert_outcome(
            "Llama 3 and GPT-4o both beat other open-source models.",
            "GPT-4o",
            "none",
        );
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "Net als andere open-sourcemodellen is Mistral 7B gratis te downloaden.",
            "Mistral 7B",
            "note",
        );
        assert_outcome(
            "Andere open-sourcemodellen blijven achter bij GPT-4o.",
            "GPT-4o",
            "none",
        );
    }
}
