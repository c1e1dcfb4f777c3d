//! Whose claim is it? "According to Meta", "volgens Meta", "Meta noemt",
//! "zegt dat" put it in someone else's mouth (a note, not a warning), and a
//! following "…, but its license …" / "…, maar de licentie …" shows the
//! author disputing it (no finding). A but-clause about the license disputes
//! even the author's own wording.

use super::{Context, Judgment, Polarity, Rule, Voice};
use crate::detect::ClaimTerm;
use crate::text::lexicon::{ATTRIBUTIONS, DENIALS, DISPUTE_OPENERS, RESTRICTION_WORDS};
use crate::text::words::TokenKind;

pub struct Attribution;

/// Whether a dispute opener at `at` opens a rebuttal. "the most powerful
/// version yet, and …" is an adverb unless "yet" opens a clause; "not only
/// fast but also open", "good not just for Meta but for the industry" add.
fn opens_rebuttal(ctx: &Context<'_>, cue: &str, at: usize) -> bool {
    let before = ctx.slice(ctx.sentence.start..at).trim_end();
    if cue == "yet" {
        return before.is_empty()
            || before.ends_with([',', ';', '—', '–'])
            || before.ends_with(" and");
    }
    if cue == "alleen" && before.to_lowercase().ends_with("niet") {
        return false;
    }
    if matches!(cue, "but" | "maar") {
        let from = before.len().saturating_sub(80);
        let window = before.get(from..).unwrap_or(before).to_lowercase();
        return ![
            "not just ",
            "not only ",
            "not merely ",
            "niet alleen ",
            "niet enkel ",
        ]
        .iter()
        .any(|p| window.contains(p));
    }
    true
}

/// Nouns and adjectives with which an author calls a label that follows
/// wrong ("this confusion", "open-washing", "dit misverstand").
const FRAMED_AS_WRONG: &[&str] = &[
    "confusion",
    "misconception",
    "misnomer",
    "myth",
    "openwashing",
    "open-washing",
    "open washing",
    "misleading",
    "verwarring",
    "misverstand",
    "mythe",
    "misleidend",
];

/// Sources that rank or measure rather than claim: "volgens de benchmarks".
const NON_AGENTS: &[&str] = &[
    "benchmark",
    "benchmarks",
    "tests",
    "test",
    "cijfers",
    "figures",
    "data",
    "metingen",
    "ranglijst",
    "leaderboard",
    "ranking",
    "rankings",
    "results",
    "resultaten",
    "scores",
    "measurements",
    "statistics",
    "statistieken",
    "onderzoek",
    "study",
];

/// The source named next to an attribution cue: the capitalised words
/// after "according to"/"volgens"/"aldus", else before the verb.
fn speaker(ctx: &Context<'_>, cue: &str, at: usize, claim_end: usize) -> String {
    let cue_end = at + cue.len();
    // "volgens Meta", "aldus Meta", and closing tags after the claim ("…, zegt oprichter Jorien Bakker").
    let after_cue = matches!(cue, "according to" | "volgens" | "aldus") || at >= claim_end;
    let mut i = ctx.tok_at_or_after(if after_cue { cue_end } else { at });
    if after_cue {
        // Skip a lowercase title or role ("oprijster", "spokesperson", "the company's").
        let mut skipped = 0;
        while skipped < 3
            && ctx.toks.get(i).is_some_and(|t| {
                t.kind != TokenKind::Punct
                    && ctx
                        .slice(t.span.clone())
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            })
        {
            i += 1;
            skipped += 1;
        }
    }
    let pick = |toks: &mut dyn Iterator<Item = &super::context::Tok>| -> String {
        let words: Vec<String> = toks
            .take_while(|t| {
                t.kind != TokenKind::Punct
                    && ctx
                        .slice(t.span.clone())
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
            .take(3)
            .map(|t| ctx.slice(t.span.clone()).to_string())
            .collect();
        words.join(" ")
    };
    let before_cue = || {
        let j = ctx.tok_at_or_after(at);
        let mut v: Vec<String> = Vec::new();
        for t in ctx.toks[..j].iter().rev() {
            if t.kind == TokenKind::Punct
                || !ctx
                    .slice(t.span.clone())
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                break;
            }
            v.push(ctx.slice(t.span.clone()).to_string());
        }
        v.reverse();
        v.join(" ")
    };
    let name = if after_cue {
        let n = pick(&mut ctx.toks[i.min(ctx.toks.len())..].iter());
        if n.is_empty() {
            before_cue()
        } else {
            n
        }
    } else {
        before_cue()
    };
    if name.is_empty() {
        String::new()
    } else {
        name.trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string()
    }
}

impl Rule for Attribution {
    fn id(&self) -> &'static str {
        "attribution"
    }

    fn description(&self) -> &'static str {
        "claims reported from someone else, and the author's dispute of them"
    }

    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, j: &mut Judgment) {
        // A dispute opener after the term ends the reported part.
        let after = term.word.end..ctx.sentence.end;
        // An opener opens a clause: "the best model yet." ends in an adverb.
        let dispute = ctx
            .find_any(after.clone(), DISPUTE_OPENERS)
            .filter(|&(cue, at)| {
                ctx.slice(at + cue.len()..ctx.sentence.end)
                    .chars()
                    .any(char::is_alphanumeric)
            })
            .filter(|&(cue, at)| opens_rebuttal(ctx, cue, at));
        let reported_end = dispute.map(|(_, at)| at).unwrap_or(ctx.sentence.end);
        let cue = ctx
            .find_any(ctx.sentence.start..reported_end, ATTRIBUTIONS)
            .filter(|&(cue, at)| {
                // "a model called Llama" names, it does not attribute.
                let naming = matches!(cue, "called" | "call it")
                    && ctx.sentence_mentions().any(|m| {
                        let s = ctx.mention_span(m);
                        s.start > at && ctx.slice(at + cue.len()..s.start).trim().is_empty()
                    });
                // After the term, only a closing tag counts: "…, Meta says."
                // or a Dutch verb-final cue in the term's own clause ("… open source noemt").
                let same_clause = matches!(
                    cue,
                    "noemt" | "noemen" | "noemde" | "calls" | "call it" | "noemt het"
                ) && !ctx.slice(term.word.end..at).contains([',', ';', ':']);
                // "… de opensourcemodellen die ontwikkelaars het vaakst
                // noemen": a verb in a relative clause after the term names,
                // it does not label.
                let in_relative = at > term.word.end
                    && ctx.words_in(term.word.end..at).any(|w| {
                        matches!(w.lower.as_str(), "die" | "dat" | "which" | "that" | "who")
                    });
                if in_relative {
                    return false;
                }
                // "according to the benchmarks" attributes a ranking, not the claim.
                let source_is_data = matches!(cue, "according to" | "volgens")
                    && ctx
                        .slice(at + cue.len()..ctx.sentence.end)
                        .split_whitespace()
                        .take(3)
                        .any(|w| {
                            NON_AGENTS.contains(
                                &w.trim_matches(|c: char| !c.is_alphanumeric())
                                    .to_lowercase()
                                    .as_str(),
                            )
                        });
                if source_is_data {
                    return false;
                }
                // "Meta presenteert Llama 3.2 als open source" attributes; "Databricks presents DBRX, an open-source model" describes.
                let as_frame = matches!(
                    cue,
                    "presents" | "presented" | "presenteert" | "presenteerde"
                );
                if as_frame
                    && !ctx
                        .slice(at..term.plain.start)
                        .to_lowercase()
                        .split_whitespace()
                        .any(|w| w == "als" || w == "as")
                {
                    return false;
                }
                let tag = at < term.word.end
                    || same_clause
                    || ctx.words_in(at..ctx.sentence.end).count() <= 4;
                !naming && tag
            });
        if let Some((cue, at)) = cue {
            let by = speaker(ctx, cue, at, term.word.end);
            j.reasons.push(super::Reason {
                rule: self.id(),
                message: format!("attributed to '{by}' by '{cue}'"),
                at,
            });
            j.voice = Voice::Attributed { by };
            // "…, but its license …" after, or "Hoewel Meta … noemt, …" before.
            let concessive = dispute.or_else(|| {
                ctx.find_any(ctx.sentence.start..term.plain.start, DISPUTE_OPENERS)
                    .filter(|&(cue, at)| opens_rebuttal(ctx, cue, at))
            });
            if let Some((opener, at)) = concessive {
                j.set_polarity(
                    Polarity::Disputed,
                    self.id(),
                    at,
                    format!("the author disputes it ('{opener}')"),
                );
                return;
            }
        }
        // The author's denial in the next sentence: "xAI calls Grok 2 open source. It isn't."
        if let Some(next) = ctx.next_sentence.clone() {
            // Only the opening words matter ("It isn't: …").
            let opening: String = ctx.slice(next.clone()).chars().take(40).collect();
            // Typeset apostrophes: "It’s not."
            let head = opening.to_lowercase().replace('’', "'");
            if let Some(d) = DENIALS.iter().find(|d| head.starts_with(*d)) {
                j.set_polarity(
                    Polarity::Disputed,
                    self.id(),
                    next.start,
                    format!("the author denies it in the next sentence ('{d}')"),
                );
                return;
            }
        }
        // The author's framing in the sentence before: "Meta's Llama models
        // are the poster child for this confusion. Meta markets Llama as open
        // source."
        if matches!(j.voice, Voice::Attributed { .. }) {
            if let Some(prev) = ctx.previous_sentence.clone() {
                if let Some((word, at)) = ctx.find_any(prev, FRAMED_AS_WRONG) {
                    j.set_polarity(
                        Polarity::Disputed,
                        self.id(),
                        at,
                        format!("the sentence before calls it '{word}'"),
                    );
                    return;
                }
            }
        }
        // "…, but it is not." or "it is not open": a denial of the label,
        // not of something else ("it is not the largest model").
        let of_label = |&(denial, at): &(&str, usize)| {
            let rest = ctx.slice(at + denial.len()..ctx.sentence.end);
            let clause = rest
                .split([',', ';', ':', '.', '!', '?', '—', '–'])
                .next()
                .unwrap_or("")
                .to_lowercase();
            clause.split_whitespace().count() == 0
                || [
                    "open", "osi", "free", "vrij", "source", "really", "echt", "truly", "so",
                ]
                .iter()
                .any(|w| {
                    clause
                        .split_whitespace()
                        .any(|c| c.trim_matches(|x: char| !x.is_alphanumeric()) == *w)
                })
        };
        if let Some((denial, at)) = ctx.find_any(after.clone(), DENIALS).filter(of_label) {
            j.set_polarity(
                Polarity::Disputed,
                self.id(),
                at,
                format!("the author denies it ('{denial}')"),
            );
            return;
        }
        if let Some((opener, at)) = dispute {
            if ctx
                .find_any(at..ctx.sentence.end, RESTRICTION_WORDS)
                .is_some()
            {
                j.set_polarity(
                    Polarity::Disputed,
                    self.id(),
                    at,
                    format!("the author qualifies it ('{opener}' … license terms)"),
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
        // The sentence before calls the label that follows wrong.
        assert_outcome(
            "Meta's Llama models are the textbook case of this confusion. Meta markets Llama 3 as open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Meta's Llama models are popular with start-ups. Meta markets Llama 3 as open source.",
            "Llama 3",
            "note",
        );
        assert_outcome(
            "In a statement, Meta referred to Llama 4 as open source, a label the OSI has repeatedly rejected.",
            "Llama 4",
            "none",
        );
        // "not just … but" adds, "the best version yet" is an adverb.
        assert_outcome(
            "Zuckerberg said that making Llama 3 open source is good not only for Meta but for everyone.",
            "Llama 3",
            "note",
        );
        assert_outcome(
            "Zuckerberg said Llama 3.1 is the best version of the software yet, and argued that making the software open source is good for everyone.",
            "Llama 3.1",
            "note",
        );

        assert_outcome(
            "According to Meta, Llama 3.3 is the best open-source model available.",
            "Llama 3.3",
            "note",
        );
        assert_outcome(
            "Meta calls Llama 3 \"open source\", but its license restricts large companies.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Meta calls Llama 3 open source, but its license restricts large companies.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 3 is open source, but it is slower than GPT-4.",
            "Llama 3",
            "warning",
        );
        assert_outcome(
            "A model called Llama 3 is open source.",
            "Llama 3",
            "warning",
        );
    }

    #[test]
    fn a_relative_clause_names_rather_than_labels() {
        assert_outcome(
            "Gemma 2 en Llama 3 zijn de opensourcemodellen die lezers het vaakst noemen.",
            "Gemma 2",
            "warning",
        );
        assert_outcome("Google noemt Gemma 2 open source.", "Gemma 2", "note");
    }

    #[test]
    fn dutch() {
        assert_outcome(
            "De Llama-modellen zijn het schoolvoorbeeld van deze verwarring. Meta noemt Llama 3 open source.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Zuckerberg zei dat Llama 3 niet alleen snel is, maar ook open source.",
            "Llama 3",
            "note",
        );

        assert_outcome(
            "Volgens Meta is Llama 3.1 het beste open-sourcemodel ter wereld.",
            "Llama 3.1",
            "note",
        );
        assert_outcome(
            "Meta zegt dat Llama 3.3 open source is.",
            "Llama 3.3",
            "note",
        );
        assert_outcome(
            "Meta noemt Llama 3 open source, maar de licentie beperkt het gebruik.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 3 is open source, maar de licentie beperkt het gebruik.",
            "Llama 3",
            "none",
        );
        assert_outcome(
            "Llama 3 is open source, maar trager dan GPT-4.",
            "Llama 3",
            "warning",
        );
    }
}
