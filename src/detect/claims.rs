//! Claim terms: every spelling of "open source" the press uses, with the
//! shape of the word around it (attributive, predicative, verb, compound).

use std::ops::Range;

use super::matcher::Matcher;
use crate::text::lexicon::{classify_head, is_quote, Head};
use crate::text::word_set::WordSet;

/// How the term is used, read from its spelling and the next word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimForm {
    /// Before a noun phrase: "open-source model", "open-source Llama 3".
    /// `head` is the lowercased last word of the noun phrase, or None when
    /// the phrase starts with a model name.
    Attributive { head: Option<String> },
    /// After a copula or at the end of a clause: "is open source".
    Predicative,
    /// "open-sourced", "open-sourcing".
    Verb,
    /// One word with the term as its first part: "opensourcemodel",
    /// "open-source-AI", "opensource-alternatief"; `head` is the last part.
    Compound { head: String },
    /// "open-source-ish": a hedge, never a claim.
    Ish,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimTerm {
    /// The term itself ("open-source" in "open-sourcemodel").
    pub plain: Range<usize>,
    /// The whole word the term is part of (the compound, or the term).
    pub word: Range<usize>,
    pub form: ClaimForm,
}

/// Words after which an "open source" is not attributive: the term ends its
/// phrase ("is open source and free", "open source onder de MIT-licentie").
const NOT_NOUNS: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "under",
    "since",
    "as",
    "for",
    "with",
    "in",
    "on",
    "at",
    "by",
    "to",
    "too",
    "from",
    "after",
    "before",
    "because",
    "so",
    "yet",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "than",
    "then",
    "now",
    "today",
    "either",
    "anymore",
    "itself",
    "last",
    "en",
    "of",
    "maar",
    "onder",
    "sinds",
    "als",
    "voor",
    "met",
    "op",
    "bij",
    "door",
    "naar",
    "te",
    "zijn",
    "waren",
    "wordt",
    "worden",
    "werd",
    "heeft",
    "hebben",
    "kan",
    "kunnen",
    "zal",
    "zou",
    "mag",
    "moet",
    "dan",
    "nu",
    "ook",
    "genoemd",
    "noemen",
    "vrijgegeven",
    "gemaakt",
    "uitgebracht",
    "gepubliceerd",
    "gezet",
    "echter",
    "niet",
    "geen",
    "however",
    "though",
    "the",
    "a",
    "an",
    "de",
    "het",
    "een",
    "this",
    "that",
    "dit",
    "dat",
    "die",
    "deze",
    "hier",
    "here",
    "there",
    "daar",
    "while",
    "terwijl",
    "licensed",
    "released",
    "available",
    "beschikbaar",
    "free",
    "gratis",
    "vrij",
    "enough",
    "genoeg",
    "noemt",
    "calls",
    "called",
    "label",
    "tag",
    "claims",
    "cred",
    "credentials",
    "status",
    "such",
    "like",
    "zoals",
    "including",
    "waaronder",
    "namely",
    "namelijk",
    "bijvoorbeeld",
    "which",
    "who",
    "whose",
    "where",
    "waar",
    "wie",
    "welke",
    "it",
    "they",
    "ze",
    "om",
    "tot",
    "tegen",
    "zonder",
    "about",
    "over",
    "into",
    "onto",
    "via",
    "per",
    "within",
    "binnen",
    "buiten",
    "among",
    "tussen",
    "around",
    "rond",
    "across",
    "through",
    "without",
    "behind",
    "achter",
    "van",
    "uit",
    "out",
    "up",
    "down",
    "off",
    "also",
    "not",
    "only",
    "alleen",
    "even",
    "zelfs",
    "still",
    "nog",
    "al",
    "already",
    "again",
    "weer",
    "online",
    "ter",
];

/// [`NOT_NOUNS`] in one lookup: every attributive term reads up to four words.
static NOT_NOUN_SET: WordSet = WordSet::new(NOT_NOUNS);

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Plain ranges of the words (letters and digits) following `at`, stopping
/// at punctuation other than an inner hyphen or apostrophe.
fn following_words(text: &str, mut at: usize, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    while out.len() < max {
        let rest = match text.get(at..) {
            Some(r) => r,
            None => break,
        };
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if spaces == 0 && !out.is_empty() {
            break;
        }
        let rest2 = &rest[spaces..];
        let len = rest2
            .char_indices()
            .find(|&(i, c)| !(is_word_char(c) || (i > 0 && (c == '-' || c == '\'' || c == '’'))))
            .map(|(i, _)| i)
            .unwrap_or(rest2.len());
        if len == 0 {
            break;
        }
        out.push(at + spaces..at + spaces + len);
        at = at + spaces + len;
    }
    out
}

/// Finds the claim terms in `text`. `starts_model` tells whether a model
/// mention starts at an offset (a noun phrase that starts with a name).
pub fn find(text: &str, matcher: &Matcher, starts_model: impl Fn(usize) -> bool) -> Vec<ClaimTerm> {
    let spans: Vec<Range<usize>> = locate(text, matcher);
    classify(text, &spans, starts_model)
}

/// Where the term spellings occur (before their shape is read).
pub fn locate(text: &str, matcher: &Matcher) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = matcher
        .terms
        .find_iter(text)
        .map(|m| m.start()..m.end())
        .collect();
    let broken = hyphen_breaks(text);
    if !broken.is_empty() {
        spans.extend(broken);
        spans.sort_by_key(|r| r.start);
    }
    spans
}

/// "open-" at the end of a line and "source" at the start of the next: the
/// plain text joins the lines with one space, so the term reads
/// "open- source" (also "sourced", "sourcing", "sources"). A hyphen before a
/// space only ends a line or a word in such a break ("open- and
/// closed-source" has no "source" right after it), so the spelling is taken
/// as the term wherever it occurs. The search runs over every text with a
/// term in it, so it is memchr's SIMD search, not `str::match_indices`
/// (which cost as much as the term automaton itself); "- " cannot overlap
/// itself, so both find the same places.
fn hyphen_breaks(text: &str) -> Vec<Range<usize>> {
    const OPEN: &str = "open-";
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b"- ") {
        let Some(start) = at.checked_sub(OPEN.len() - 1) else {
            continue;
        };
        if !text
            .get(start..at + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case(OPEN))
        {
            continue;
        }
        let after = at + 2;
        let rest = text.get(after..).unwrap_or_default();
        let stem = ["sourcing", "sourced", "sources", "source"]
            .into_iter()
            .find(|s| {
                rest.get(..s.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(s))
            });
        if let Some(stem) = stem {
            out.push(start..after + stem.len());
        }
    }
    out
}

/// The word a located term stands in, when it is a claim term at all.
struct Shape<'t> {
    /// "open-sourced", "open-sourcing", "open-sources".
    is_verb: bool,
    /// What continues the same word after the term: a compound
    /// ("opensourcemodel") or a hyphenated tail; empty for none.
    tail: &'t str,
    word: Range<usize>,
}

/// The shape of the located term `m`; None when it is no claim term (part
/// of a longer word, a verb with a tail, a tail of digits).
fn shape<'t>(text: &'t str, m: &Range<usize>) -> Option<Shape<'t>> {
    let (start, end) = (m.start, m.end);
    if text
        .get(..start)
        .and_then(|s| s.chars().next_back())
        .is_some_and(is_word_char)
    {
        return None;
    }
    let matched = &text[start..end];
    // Only ASCII letters lowercase to these: no lowercased copy is needed.
    let ends_with = |suffix: &str| {
        matched
            .len()
            .checked_sub(suffix.len())
            .and_then(|at| matched.get(at..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
    };
    let is_verb = ends_with("sourced") || ends_with("sourcing") || ends_with("sources");
    // Continuation of the same word: a compound ("opensourcemodel") or a hyphenated tail.
    let rest = &text[end..];
    let tail_len = rest
        .char_indices()
        .find(|&(i, c)| {
            !(is_word_char(c)
                || ((c == '-' || c == '\u{2011}')
                    && rest[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)))
        })
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let tail = &rest[..tail_len];
    let keep = if is_verb {
        tail.is_empty()
    } else {
        !tail.starts_with(|c: char| c.is_ascii_digit()) || is_ish(tail)
    };
    keep.then(|| Shape {
        is_verb,
        tail,
        word: start..end + tail_len,
    })
}

/// A tail that makes the term an "-ish" hedge: "open-source-ish", "opensource-achtig".
fn ish_head(tail: &str) -> String {
    tail.rsplit(['-', '\u{2011}'])
        .next()
        .unwrap_or(tail)
        .to_lowercase()
}

fn is_ish(tail: &str) -> bool {
    let head = ish_head(tail);
    head == "ish" || head == "achtig" || head == "achtige"
}

/// The plain start of each located term that [`classify`] keeps, without
/// reading its form: enough to tell which blocks hold a claim.
pub fn kept_starts<'a>(
    text: &'a str,
    spans: &'a [Range<usize>],
) -> impl Iterator<Item = usize> + 'a {
    spans
        .iter()
        .filter(|m| shape(text, m).is_some())
        .map(|m| m.start)
}

/// Reads the shape of each located term; `starts_model` tells whether a model
/// mention starts at an offset.
pub fn classify(
    text: &str,
    spans: &[Range<usize>],
    starts_model: impl Fn(usize) -> bool,
) -> Vec<ClaimTerm> {
    let mut out = Vec::new();
    for m in spans {
        let (start, end) = (m.start, m.end);
        let Some(Shape {
            is_verb,
            tail,
            word,
        }) = shape(text, m)
        else {
            continue;
        };
        let form = if is_verb {
            ClaimForm::Verb
        } else if !tail.is_empty() {
            let head = ish_head(tail);
            if is_ish(tail) {
                ClaimForm::Ish
            } else {
                // A tail of digits was left out by `shape`.
                ClaimForm::Compound { head }
            }
        } else {
            // A closing scare quote may stand between the term and its noun: ‘open-source’ Llama.
            let quote_len = text[end..]
                .chars()
                .next()
                .filter(|&c| is_quote(c) && text[end + c.len_utf8()..].starts_with(' '))
                .map_or(0, char::len_utf8);
            let next = following_words(text, end + quote_len, 4);
            match next.first() {
                None => ClaimForm::Predicative,
                Some(first)
                    if text.get(end..first.start).is_some_and(|gap| {
                        !gap.trim_start_matches(is_quote)
                            .chars()
                            .all(|c| c == ' ' || c == '\u{a0}')
                    }) =>
                {
                    ClaimForm::Predicative
                }
                Some(first) => {
                    let w = text[first.clone()].to_lowercase();
                    if starts_model(first.start) {
                        ClaimForm::Attributive { head: None }
                    } else if NOT_NOUN_SET.contains(&w) {
                        ClaimForm::Predicative
                    } else {
                        // The noun phrase runs until a function word or a model name; its
                        // head is the last word known as a head noun, else the last word.
                        let mut words = vec![w];
                        for r in next.iter().skip(1) {
                            let lw = text[r.clone()].to_lowercase();
                            if starts_model(r.start) || NOT_NOUN_SET.contains(&lw) {
                                break;
                            }
                            words.push(lw);
                        }
                        // English and Dutch noun phrases are head-final: "open-source code model".
                        let known = words
                            .iter()
                            .rposition(|w| classify_head(w) != Head::Unknown);
                        let head = match known {
                            Some(i) => words.swap_remove(i),
                            None => words.pop().unwrap_or_default(),
                        };
                        ClaimForm::Attributive { head: Some(head) }
                    }
                }
            }
        };
        out.push(ClaimTerm {
            plain: start..end,
            word,
            form,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    fn forms(text: &str) -> Vec<(String, ClaimForm)> {
        let m = Matcher::new(Glossary::embedded());
        find(text, &m, |at| text[at..].starts_with("Llama"))
            .into_iter()
            .map(|t| (text[t.plain].to_string(), t.form))
            .collect()
    }

    fn head(h: &str) -> ClaimForm {
        ClaimForm::Attributive {
            head: Some(h.into()),
        }
    }

    #[test]
    fn english_forms() {
        assert_eq!(
            forms("the open-source Llama 3"),
            [("open-source".into(), ClaimForm::Attributive { head: None })]
        );
        assert_eq!(
            forms("Llama is open source and free."),
            [("open source".into(), ClaimForm::Predicative)]
        );
        assert_eq!(
            forms("open-source tools such as TRL"),
            [("open-source".into(), head("tools"))]
        );
        assert_eq!(
            forms("an open-source multilingual language model"),
            [("open-source".into(), head("model"))]
        );
        assert_eq!(
            forms("Nvidia has open-sourced NVLM"),
            [("open-sourced".into(), ClaimForm::Verb)]
        );
        assert_eq!(
            forms("open-source-ish at best"),
            [("open-source".into(), ClaimForm::Ish)]
        );
        assert_eq!(
            forms("is open source."),
            [("open source".into(), ClaimForm::Predicative)]
        );
    }

    #[test]
    fn dutch_compounds_and_separators() {
        assert_eq!(
            forms("het opensourcemodel Llama"),
            [(
                "opensource".into(),
                ClaimForm::Compound {
                    head: "model".into()
                }
            )]
        );
        assert_eq!(
            forms("open-sourcemodellen zoals"),
            [(
                "open-source".into(),
                ClaimForm::Compound {
                    head: "modellen".into()
                }
            )]
        );
        assert_eq!(
            forms("als opensource-alternatief"),
            [(
                "opensource".into(),
                ClaimForm::Compound {
                    head: "alternatief".into()
                }
            )]
        );
        assert_eq!(
            forms("open-source-AI-model"),
            [(
                "open-source".into(),
                ClaimForm::Compound {
                    head: "model".into()
                }
            )]
        );
        assert_eq!(
            forms("open\u{2011}source"),
            [("open\u{2011}source".into(), ClaimForm::Predicative)]
        );
        assert_eq!(
            forms("Open Source"),
            [("Open Source".into(), ClaimForm::Predicative)]
        );
    }

    #[test]
    fn terms_broken_across_lines() {
        // Plain text joins a line ending in "open-" to the next with a space.
        let text = "Llama is open- source. Nvidia Open- Sourced it; open- and closed-source \
                    models, pre- source, open-  source, and open source.";
        let m = Matcher::new(Glossary::embedded());
        let found: Vec<&str> = locate(text, &m).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["open- source", "Open- Sourced", "open source"]);
    }

    #[test]
    fn not_a_term_inside_a_word() {
        assert!(forms("reopensource").is_empty());
        assert!(forms("open sourdough").is_empty());
    }
}
