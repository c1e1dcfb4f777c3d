//! Model mentions: alias matches on word boundaries, longest first,
//! version-aware, and — for names that are also words — only with evidence.

use std::ops::Range;

use super::matcher::Matcher;
use crate::glossary::{version_tail, Glossary};
use crate::text::lexicon::MODEL_EVIDENCE;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into `Glossary::models()`.
    pub model: usize,
    /// Plain-text range as written, including a size or variant suffix.
    pub plain: Range<usize>,
    /// The name needed context, and had it.
    pub ambiguous: bool,
    /// A version of family `model` that the glossary does not list ("Qwen
    /// 4"): its license is unknown.
    pub unlisted: bool,
}

#[derive(Debug, Clone)]
struct Candidate {
    pattern: usize,
    span: Range<usize>,
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// A match must not sit inside a longer word or a longer version number:
/// "Llama 3" does not match "Llama 30B" nor "Llama 3.5".
fn on_boundary(text: &str, span: &Range<usize>) -> bool {
    if char_before(text, span.start).is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    let Some(last) = text.get(..span.end).and_then(|s| s.chars().next_back()) else {
        return false;
    };
    match char_after(text, span.end) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.') | Some(',') if last.is_ascii_digit() => {
            // "Llama 3.5": a dot or comma between digits continues the version number.
            !text
                .get(span.end + 1..)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| c.is_ascii_digit())
        }
        Some(_) => true,
    }
}

/// Extends a mention over size and variant suffixes ("Llama 3.1 405B",
/// "Mistral-7B-Instruct"), so the report shows the name as written.
fn extend_suffix(text: &str, mut end: usize) -> usize {
    const VARIANTS: &[&str] = &["instruct", "chat", "base", "it", "vision", "hf"];
    loop {
        let rest = match text.get(end..) {
            Some(r) => r,
            None => return end,
        };
        let mut chars = rest.char_indices();
        let Some((_, sep)) = chars.next() else {
            return end;
        };
        if sep != ' ' && sep != '-' {
            return end;
        }
        let word_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .unwrap_or(rest.len() - 1);
        let word = rest[1..1 + word_len].trim_end_matches('.');
        if word.is_empty() {
            return end;
        }
        let lower = word.to_ascii_lowercase();
        let is_size = {
            let unit = lower.chars().last();
            let body = &lower[..lower.len() - 1];
            matches!(unit, Some('b') | Some('m'))
                && !body.is_empty()
                && body
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == 'x')
                && body.chars().next().is_some_and(|c| c.is_ascii_digit())
        };
        if is_size || VARIANTS.contains(&lower.as_str()) {
            end += 1 + word.len();
        } else {
            return end;
        }
    }
}

fn candidates(text: &str, matcher: &Matcher, range: Range<usize>) -> Vec<Candidate> {
    if text.get(range.clone()).is_none() {
        return Vec::new();
    }
    let mut all: Vec<Candidate> = Vec::new();
    // Both tests below first ask that the name not continue a word, which
    // is where the trie looks.
    matcher
        .aliases
        .at_word_starts(text, range, |pattern, span| {
            let c = Candidate { pattern, span };
            if on_boundary(text, &c.span) || joined_version(text, matcher, &c) {
                all.push(c);
            }
        });
    // Longest at each start, then leftmost non-overlapping.
    all.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out: Vec<Candidate> = Vec::with_capacity(all.len());
    let mut last_end = 0;
    for c in all {
        if c.span.start >= last_end {
            last_end = c.span.end;
            out.push(c);
        }
    }
    out
}

/// "Qwen4", "Llama5": a family's name with a version number joined to it,
/// which the word-boundary test alone would reject.
fn joined_version(text: &str, matcher: &Matcher, c: &Candidate) -> bool {
    let Some(written) = text.get(c.span.clone()) else {
        return false;
    };
    matcher
        .alias_info
        .get(c.pattern)
        .is_some_and(|i| i.in_family)
        && !char_before(text, c.span.start).is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
        && char_after(text, c.span.end).is_some_and(|ch| ch.is_ascii_digit())
        && text
            .get(c.span.end..)
            .and_then(|rest| version_tail(written, rest))
            .is_some()
}

fn contains_word(haystack_lower: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = haystack_lower.get(from..).and_then(|h| h.find(word)) {
        let start = from + i;
        let end = start + word.len();
        let before_ok = !char_before(haystack_lower, start).is_some_and(char::is_alphanumeric);
        let after_ok = !char_after(haystack_lower, end).is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = end;
    }
    false
}

/// Whether a lowercased sentence holds one of [`MODEL_EVIDENCE`] as a word:
/// one automaton pass, not a substring search per word.
fn contains_evidence(haystack_lower: &str) -> bool {
    static AC: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    let Some(ac) = AC.get_or_init(|| aho_corasick::AhoCorasick::new(MODEL_EVIDENCE).ok()) else {
        return MODEL_EVIDENCE
            .iter()
            .any(|w| contains_word(haystack_lower, w));
    };
    ac.find_overlapping_iter(haystack_lower).any(|m| {
        !char_before(haystack_lower, m.start()).is_some_and(char::is_alphanumeric)
            && !char_after(haystack_lower, m.end()).is_some_and(char::is_alphanumeric)
    })
}

/// "… that Llama is a launching pad for something more commercial. Open
/// sourcing the model gave Meta …": the next sentence of the paragraph
/// takes the name up as "the model", which makes the name a model.
fn next_refers_to_model(
    text: &str,
    sentence: &Range<usize>,
    sentence_of: &impl Fn(usize) -> Range<usize>,
) -> bool {
    const ANAPHORS: &[&str] = &["the model", "this model", "het model", "dit model"];
    let rest = text.get(sentence.end..).unwrap_or("");
    let gap = rest.len() - rest.trim_start_matches([' ', '\n']).len();
    if gap == 0 || rest.get(..gap).is_some_and(|g| g.contains("\n\n")) {
        return false;
    }
    let next = sentence_of(sentence.end + gap);
    if next.start < sentence.end || next.len() > 2000 {
        return false;
    }
    let next = text.get(next).unwrap_or("").as_bytes();
    // ASCII phrases: compared byte for byte, ignoring case, on word boundaries.
    ANAPHORS.iter().any(|a| {
        let a = a.as_bytes();
        next.windows(a.len()).enumerate().any(|(i, w)| {
            w.eq_ignore_ascii_case(a)
                && (i == 0 || !next[i - 1].is_ascii_alphanumeric())
                && next
                    .get(i + a.len())
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        })
    })
}

/// The models and families the mentions found so far have named.
struct Named<'g> {
    /// Per model: named at all, named by a name that needed no context.
    models: Vec<(bool, bool)>,
    /// Families of the models named by a name that needed no context.
    families: Vec<&'g str>,
}

impl<'g> Named<'g> {
    fn new(models: usize) -> Self {
        Named {
            models: vec![(false, false); models],
            families: Vec::new(),
        }
    }

    fn add(&mut self, model: usize, ambiguous: bool, family: Option<&'g str>) {
        if let Some(slot) = self.models.get_mut(model) {
            slot.0 = true;
            slot.1 |= !ambiguous;
        }
        if let Some(f) = family.filter(|_| !ambiguous) {
            if !self.families.contains(&f) {
                self.families.push(f);
            }
        }
    }

    fn any(&self, model: usize) -> bool {
        self.models.get(model).is_some_and(|s| s.0)
    }

    fn unambiguous(&self, model: usize) -> bool {
        self.models.get(model).is_some_and(|s| s.1)
    }

    /// A model of family `id` was named unambiguously.
    fn family(&self, id: &str) -> bool {
        self.families.contains(&id)
    }
}

/// Every mention in `text`. `sentence_of` gives the sentence range that holds
/// an offset, which is where evidence for an ambiguous name is sought.
pub fn find(
    text: &str,
    matcher: &Matcher,
    glossary: &Glossary,
    sentence_of: impl Fn(usize) -> Range<usize>,
) -> Vec<Mention> {
    let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
    find_in_ranges(text, matcher, glossary, &sentence_of, &whole).unwrap_or_default()
}

/// The mentions inside `ranges` (sorted, disjoint, e.g. the blocks that hold a
/// claim term), exactly as [`find`] over the whole text would report them
/// there. Only an ambiguous name whose sole evidence could be a mention
/// outside the ranges needs the whole text; then this falls back to it.
pub fn find_within(
    text: &str,
    matcher: &Matcher,
    glossary: &Glossary,
    sentence_of: impl Fn(usize) -> Range<usize>,
    ranges: &[Range<usize>],
) -> Vec<Mention> {
    match find_in_ranges(text, matcher, glossary, &sentence_of, ranges) {
        Some(found) => found,
        // Ranges are sorted and disjoint: a binary search per mention, not a
        // scan of every range (a single file of many articles has thousands).
        None => find(text, matcher, glossary, sentence_of)
            .into_iter()
            .filter(|m| {
                let i = ranges.partition_point(|r| r.end <= m.plain.start);
                ranges.get(i).is_some_and(|r| r.start <= m.plain.start)
            })
            .collect(),
    }
}

/// None when a decision depends on text outside `ranges`.
fn find_in_ranges(
    text: &str,
    matcher: &Matcher,
    glossary: &Glossary,
    sentence_of: &impl Fn(usize) -> Range<usize>,
    ranges: &[Range<usize>],
) -> Option<Vec<Mention>> {
    let whole = ranges.len() == 1 && ranges[0] == (0..text.len());
    let models = glossary.models();
    let mut out: Vec<Mention> = Vec::new();
    // What the mentions so far have named, kept up to date as they are
    // found, so that an ambiguous name asks a set and not every earlier mention.
    let mut named = Named::new(models.len());
    // Ambiguous names cluster in sentences: lowercase each sentence and
    // look for model words in it once, not once per name.
    let mut sentence_cache: Option<(Range<usize>, String, bool)> = None;
    // Whether the sentence names a developer, per model, for the cached sentence.
    let mut developer_cache: Vec<(usize, bool)> = Vec::new();
    for c in ranges
        .iter()
        .flat_map(|r| candidates(text, matcher, r.clone()))
    {
        let Some(info) = matcher.alias_info.get(c.pattern) else {
            continue;
        };
        let Some(model) = models.get(info.model) else {
            continue;
        };
        let written = text.get(c.span.clone()).unwrap_or("");
        // "Mistral AI" the company is not the model family "Mistral".
        let developer = model.developer.as_str();
        // "Qwen 4", "Mistral Medium 5": a version the glossary does not list
        // names a member of the family, never the entry whose name it extends.
        let unlisted = glossary
            .family_of(model)
            .and_then(|f| glossary.index_of(&f.id))
            .zip(
                text.get(c.span.end..)
                    .and_then(|rest| version_tail(written, rest)),
            );
        // "Falcon9": a joined number is no evidence that a word is a model.
        let joined = char_after(text, c.span.end).is_some_and(|ch| ch.is_ascii_digit());
        if info.ambiguous && super::guard::rejects(text, &c.span, &model.guard) {
            continue;
        }
        let tied = info.ambiguous && super::guard::claim_tied(text, &c.span, &model.guard);
        if developer.eq_ignore_ascii_case(written) && info.ambiguous && !tied && unlisted.is_none()
        {
            // "Het Chinese DeepSeek bracht …": the name of the company, not a model.
            continue;
        }
        if developer.len() > written.len()
            && text
                .get(c.span.start..c.span.start + developer.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(developer))
        {
            continue;
        }
        if info.ambiguous {
            // Lowercase text never stands for a capitalised name: "the llama", "in bloom".
            let alias_has_caps = info.alias.chars().any(char::is_uppercase);
            if alias_has_caps && !written.chars().any(char::is_uppercase) {
                continue;
            }
            // "Claude Shannon", "Gemma Chan": a capitalised word after the name makes it a
            // person, unless it is a model variant ("Claude Sonnet", "Gemini Pro").
            const VARIANTS: &[&str] = &[
                "Sonnet", "Opus", "Haiku", "Pro", "Flash", "Ultra", "Nano", "Mini", "Large",
                "Small", "Medium", "Instruct", "Chat", "Vision", "Expanse", "Code", "Coder",
                "Turbo", "Guard", "AI", "LLM",
            ];
            let next_word: String = text
                .get(c.span.end..)
                .and_then(|r| r.strip_prefix(' '))
                .unwrap_or("")
                .chars()
                .take_while(|ch| ch.is_alphanumeric())
                .collect();
            let person = next_word.chars().next().is_some_and(char::is_uppercase)
                && next_word.chars().skip(1).all(char::is_lowercase)
                && !VARIANTS.contains(&next_word.as_str());
            if person {
                continue;
            }
            let distinctive =
                written == info.alias && written.chars().filter(|c| c.is_uppercase()).count() >= 2;
            let family_named_before = named.unambiguous(info.model)
                || named.family(&model.id)
                || model.family.as_deref().is_some_and(|f| named.family(f));
            let same_named_before = named.any(info.model);
            // "Llama-model": only the five bytes after the hyphen are read
            // (no lowercase letter other than ASCII ones spells "model").
            let suffix_model = text.get(c.span.end..).is_some_and(|r| {
                r.starts_with('-')
                    && r.as_bytes()
                        .get(1..6)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"model"))
            });
            let sentence = sentence_of(c.span.start);
            let here = sentence.clone();
            if sentence_cache
                .as_ref()
                .is_none_or(|(r, _, _)| *r != sentence)
            {
                developer_cache.clear();
                let lower = text.get(sentence.clone()).unwrap_or("").to_lowercase();
                let words = contains_evidence(&lower)
                    // Compounds: "open-sourcemodel Whisper", "spraakmodel", "AI-modellen".
                    || lower
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|w| w.len() > 5 && (w.ends_with("model") || w.ends_with("modellen")));
                sentence_cache = Some((sentence, lower, words));
            }
            let (sent_lower, evidence) = match &sentence_cache {
                Some((_, lower, words)) => (lower.as_str(), *words),
                None => ("", false),
            };
            let developer = match developer_cache.iter().find(|(m, _)| *m == info.model) {
                Some(&(_, found)) => found,
                None => {
                    let found = contains_word(sent_lower, &model.developer.to_lowercase());
                    developer_cache.push((info.model, found));
                    found
                }
            };
            let supported = tied
                || (unlisted.is_some() && !joined)
                || distinctive
                || suffix_model
                || developer
                || evidence
                || family_named_before
                || same_named_before
                || next_refers_to_model(text, &here, sentence_of);
            if !supported && !whole {
                // An earlier mention outside the ranges might be the evidence.
                return None;
            }
            if !supported {
                continue;
            }
        }
        let (model, end) = match unlisted {
            Some((family, len)) => (family, extend_suffix(text, c.span.end + len)),
            None => (info.model, extend_suffix(text, c.span.end)),
        };
        named.add(
            info.model,
            info.ambiguous,
            models[info.model].family.as_deref(),
        );
        out.push(Mention {
            model,
            plain: c.span.start..end,
            ambiguous: info.ambiguous,
            unlisted: unlisted.is_some(),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let g = Glossary::embedded();
        let m = Matcher::new(g);
        find(text, &m, g, |_| 0..text.len())
            .into_iter()
            .map(|x| {
                format!(
                    "{}={}",
                    &text[x.plain.clone()],
                    g.models()[x.model].canonical
                )
            })
            .collect()
    }

    #[test]
    fn longest_and_version_aware() {
        let got = names("Llama 3.2 11B Vision beats Llama 3 and Llama 3.1 405B.");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("Llama 3.2 11B Vision=Llama 3.2"),
            "{got:?}"
        );
        assert!(got[1].starts_with("Llama 3=Llama 3"), "{got:?}");
        assert!(got[2].starts_with("Llama 3.1 405B=Llama 3.1"), "{got:?}");
    }

    #[test]
    fn no_match_inside_longer_numbers() {
        assert!(
            names("The Llama 30X and GPT-4000 are fiction.")
                .iter()
                .all(|n| !n.contains("GPT-4=")),
            "{:?}",
            names("GPT-4000")
        );
    }

    #[test]
    fn unlisted_versions_name_their_family() {
        let got = names("Qwen 4 72B and Mistral Medium 5 and Qwen 2.5 and Mistral 7B.");
        assert_eq!(
            got,
            [
                "Qwen 4 72B=Qwen",
                "Mistral Medium 5=Mistral",
                "Qwen 2.5=Qwen2.5",
                "Mistral 7B=Mistral 7B"
            ],
        );
    }

    #[test]
    fn joined_versions_name_their_family() {
        assert_eq!(
            names("Qwen4 and Qwen3.5 beat Qwen3 and Llama4."),
            [
                "Qwen4=Qwen",
                "Qwen3.5=Qwen",
                "Qwen3=Qwen3",
                "Llama4=Llama 4"
            ],
        );
        let none: [&str; 0] = [];
        assert_eq!(names("Qwen4B and Qwen2025 and Qwen4%."), none);
        assert!(names("SpaceX launched a Falcon9 rocket.").is_empty());
    }

    #[test]
    fn ambiguous_names_need_evidence() {
        assert!(names("The llama is a camelid.").is_empty());
        assert!(names("De Amsterdamse start-up Bloom bouwt software.").is_empty());
        assert!(names("Claude Monet painted water lilies.").is_empty());
        assert_eq!(names("Anthropic's Claude answers questions.").len(), 1);
        assert_eq!(names("Het taalmodel Llama kan veel.").len(), 1);
    }
}
