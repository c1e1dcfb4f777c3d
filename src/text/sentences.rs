//! Sentence boundaries. UAX#29 breaks after abbreviations ("dhr.", "o.a.",
//! "Inc.") and inside quoted questions; those breaks are repaired here with
//! per-language abbreviation lists. Sentences never cross a block.

use std::ops::Range;

use super::lexicon::ABBREVIATIONS;
use super::sentence_bounds;

/// Sentence ranges (absolute plain offsets) of one block's text, trimmed of
/// surrounding whitespace; `base` is the block's plain start.
pub fn split(text: &str, base: usize) -> Vec<Range<usize>> {
    // Headings, list items and table cells rarely hold a sentence end: without
    // one, UAX#29 has nothing to split and the whole text is one sentence.
    let ends = if text.is_ascii() {
        // The ASCII ones of the marks below, found by SIMD search.
        let b = text.as_bytes();
        memchr::memchr3(b'.', b'!', b'?', b).is_some() || memchr::memchr2(b'\r', b'\n', b).is_some()
    } else {
        text.contains(is_end_or_newline)
    };
    if !ends {
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let whole = base + lead..base + text.len() - trail;
        return if lead + trail < text.len() {
            std::iter::once(whole).collect()
        } else {
            Vec::new()
        };
    }
    let mut raw: Vec<Range<usize>> = Vec::new();
    let cuts = sentence_bounds::breaks(text);
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(text.len()));
    for (start, end) in starts.zip(ends).filter(|(s, e)| s < e) {
        let s = &text[start..end];
        let glue = raw.last().is_some_and(|prev| {
            let prev_text = &text[prev.clone()];
            must_join(prev_text, s)
        });
        match raw.last_mut() {
            Some(prev) if glue => prev.end = end,
            _ => raw.push(start..end),
        }
    }
    raw.into_iter()
        .filter_map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            (r.start + lead < r.end - trail).then(|| base + r.start + lead..base + r.end - trail)
        })
        .collect()
}

/// A sentence end or a line or paragraph separator: a block without one is
/// one sentence, with nothing for UAX#29 to split.
fn is_end_or_newline(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '。'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟'
            | '।'
            | '॥'
            | '\r'
            | '\n'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// A break after an abbreviation, an initial, or before a lowercase word or a
/// closing quote's attribution ("…?" he asked) is not a sentence end.
fn must_join(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next_start = next.trim_start();
    let Some(first_next) = next_start.chars().next() else {
        return true;
    };
    if first_next.is_lowercase() || first_next.is_ascii_digit() {
        return true;
    }
    if !prev.ends_with('.') {
        return false;
    }
    let last_word = prev
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    // Nearly every sentence ends in a word of ASCII letters: compared without
    // lowercasing a copy of it (the abbreviations are lowercase ASCII).
    let lw: std::borrow::Cow<'_, str> = if last_word.is_ascii() {
        std::borrow::Cow::Borrowed(last_word)
    } else {
        std::borrow::Cow::Owned(last_word.to_lowercase())
    };
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(&lw)) {
        return true;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "o.a." (an ASCII word's
    // case changes neither its letter count nor which of them are letters).
    let letters = lw.trim_end_matches('.');
    letters
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn repairs_abbreviations_in_both_languages() {
        assert_eq!(
            sents("Dhr. Jansen zegt o.a. dat Llama 3.1 open is. Het model is groot."),
            [
                "Dhr. Jansen zegt o.a. dat Llama 3.1 open is.",
                "Het model is groot."
            ]
        );
        assert_eq!(
            sents("Meta Platforms Inc. released Llama 3.2 in the U.S. Today it is open. Mr. Smith agrees."),
            ["Meta Platforms Inc. released Llama 3.2 in the U.S. Today it is open.", "Mr. Smith agrees."]
        );
        assert_eq!(
            sents("GPT-4.5 is closed. Is it?"),
            ["GPT-4.5 is closed.", "Is it?"]
        );
        assert_eq!(
            sents("Bijv. GPT-4 vs. Llama 3 is een vergelijking."),
            ["Bijv. GPT-4 vs. Llama 3 is een vergelijking."]
        );
    }

    #[test]
    fn text_without_a_sentence_end_is_one_sentence() {
        assert_eq!(
            sents("  Meta's open-source Llama 3  "),
            ["Meta's open-source Llama 3"]
        );
        assert!(sents("   ").is_empty());
        assert_eq!(
            split("ab", 10),
            vec![std::ops::Range { start: 10, end: 12 }]
        );
    }

    #[test]
    fn quoted_question_with_attribution_stays_together() {
        assert_eq!(
            sents("\"Is Llama open source?\" he asked. No."),
            ["\"Is Llama open source?\" he asked.", "No."]
        );
    }
}
