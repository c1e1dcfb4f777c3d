//! UAX#29 sentence boundaries for the characters news text is made of.
//!
//! `unicode-segmentation` looks every character up in a table of the whole
//! of Unicode; on claim-dense archives that lookup was the largest single
//! cost of the analysis. Text made only of ASCII, Latin-1 letters and the
//! typographic quotes and dashes of the press has its sentence-break
//! categories known here, and the rules of UAX#29 (SB1–SB11, SB998) are
//! applied to them directly. Any other character sends a text of up to
//! 16 KB to `unicode-segmentation`, so the boundaries are the same either
//! way (a property test holds the two to each other); a longer one has
//! those characters' categories estimated, see [`estimate`].

use unicode_segmentation::UnicodeSegmentation;

/// Sentence_Break categories of UAX#29 that the known characters have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    /// A letter without case; only ever estimated (see [`estimate`]).
    OLetter,
    Other,
}

super::ascii_table::ascii_lookup!(Cat);

/// The category of a known character; None for any other.
const fn known_category(c: char) -> Option<Cat> {
    Some(match c {
        '\r' => Cat::Cr,
        '\n' => Cat::Lf,
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Cat::Sp,
        'a'..='z' | 'ª' | 'µ' | 'º' | 'ß'..='ö' | 'ø'..='ÿ' => Cat::Lower,
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Cat::Upper,
        '0'..='9' => Cat::Numeric,
        '.' => Cat::ATerm,
        '!' | '?' => Cat::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' => Cat::Close,
        '\u{2018}'..='\u{201f}' => Cat::Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => Cat::SContinue,
        '#' | '$' | '%' | '&' | '*' | '+' | '/' | '<' | '=' | '>' | '@' | '\\' | '^' | '_'
        | '`' | '|' | '~' | '…' => Cat::Other,
        _ => return None,
    })
}

/// The byte offsets at which `text` splits into sentences, as
/// `split_sentence_bound_indices` gives them: the start of every segment
/// after the first. Linear in the text, whatever it holds.
///
/// UAX#29 breaks only after a paragraph separator (SB4) or at the end of a
/// run "SATerm Close* Sp*" (SB11): every other position falls to SB998 and
/// does not break. So only those places are looked at, found with a SIMD
/// byte search (all of them are ASCII).
pub fn breaks(text: &str) -> Vec<usize> {
    let known = if text.is_ascii() {
        // A byte is its character: no decoding.
        text.bytes().all(|b| category(char::from(b)).is_some())
    } else {
        text.chars().all(|c| category(c).is_some())
    };
    if !known && text.len() <= EXACT_FALLBACK_LIMIT {
        return fallback(text);
    }
    let cat: fn(char) -> Option<Cat> = if known { category } else { estimate };
    let cat_at = |i: usize| text.get(i..).and_then(|r| r.chars().next()).and_then(cat);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut triggers: Vec<usize> = if known {
        memchr::memchr3_iter(b'.', b'!', b'?', bytes)
            .chain(memchr::memchr2_iter(b'\n', b'\r', bytes))
            .collect()
    } else {
        text.char_indices()
            .filter(|&(_, c)| cat(c).is_some_and(|k| is_para_sep(k) || is_saterm(k)))
            .map(|(i, _)| i)
            .collect()
    };
    triggers.sort_unstable();
    for t in triggers {
        let width = text
            .get(t..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        let after = t + width;
        if after >= text.len() {
            continue;
        }
        let Some(prev) = cat_at(t) else { continue };
        if is_para_sep(prev) {
            // SB3: CR × LF; SB4: ParaSep ÷
            if !(prev == Cat::Cr && bytes.get(after) == Some(&b'\n')) {
                out.push(after);
            }
            continue;
        }
        // A terminator: walk its "Close* Sp*" run, deciding each position.
        let before = text
            .get(..t)
            .and_then(|r| r.chars().next_back())
            .and_then(cat);
        let mut lower_ahead: Option<bool> = None;
        let mut run = (prev, false);
        let (mut pos, mut prev, mut before) = (after, prev, before);
        while let Some(next) = cat_at(pos) {
            let ahead = || {
                *lower_ahead.get_or_insert_with(|| {
                    text.get(pos..)
                        .unwrap_or("")
                        .chars()
                        .filter_map(cat)
                        .find(|&c| {
                            matches!(c, Cat::Upper | Cat::Lower | Cat::OLetter)
                                || is_para_sep(c)
                                || is_saterm(c)
                        })
                        == Some(Cat::Lower)
                })
            };
            if breaks_between(before, prev, next, run, ahead) {
                out.push(pos);
                break;
            }
            // The run goes on over closing marks before any space, then spaces.
            run = match (next, run) {
                (Cat::Close, (term, false)) => (term, false),
                (Cat::Sp, (term, _)) => (term, true),
                _ => break,
            };
            before = Some(prev);
            prev = next;
            pos += text
                .get(pos..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            if pos >= text.len() {
                break;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Up to this size, text with characters outside the known set goes to
/// `unicode-segmentation`, which is exact. Its SB8 look-ahead is quadratic
/// on a long run of closing marks or spaces after a full stop (100 KB took
/// over a minute), so a larger text has its unknown characters' categories
/// estimated from their Unicode properties instead and stays linear: a
/// paragraph of that size is hostile input or not news prose.
const EXACT_FALLBACK_LIMIT: usize = 16 * 1024;

/// The category of any character: the known ones exactly, the rest
/// estimated (letters without case are treated as "other", which only
/// matters to SB8's look-ahead; combining marks are not attached to their
/// base).
fn estimate(c: char) -> Option<Cat> {
    Some(match category(c) {
        Some(k) => k,
        None => match c {
            '\u{85}' | '\u{2028}' | '\u{2029}' => Cat::Lf,
            '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '।' | '॥' => {
                Cat::STerm
            }
            '．' | '․' | '﹒' => Cat::ATerm,
            c if c.is_whitespace() => Cat::Sp,
            c if c.is_lowercase() => Cat::Lower,
            c if c.is_uppercase() => Cat::Upper,
            c if c.is_alphabetic() => Cat::OLetter,
            c if c.is_numeric() => Cat::Numeric,
            _ => Cat::Other,
        },
    })
}

fn fallback(text: &str) -> Vec<usize> {
    text.split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect()
}

fn is_para_sep(c: Cat) -> bool {
    matches!(c, Cat::Cr | Cat::Lf)
}

fn is_saterm(c: Cat) -> bool {
    matches!(c, Cat::ATerm | Cat::STerm)
}

/// Whether UAX#29 breaks between `prev` and `next` inside or at the end of
/// a "SATerm Close* Sp*" run (paragraph separators are decided by the
/// caller, SB3 and SB4): `before` comes before `prev`, the run is given by
/// its terminator and whether it has reached its spaces, `lower_ahead` is
/// SB8's look-ahead.
fn breaks_between(
    before: Option<Cat>,
    prev: Cat,
    next: Cat,
    (term, spaces): (Cat, bool),
    lower_ahead: impl FnOnce() -> bool,
) -> bool {
    // SB6, SB7
    if prev == Cat::ATerm && next == Cat::Numeric {
        return false;
    }
    if prev == Cat::ATerm && next == Cat::Upper && matches!(before, Some(Cat::Upper | Cat::Lower)) {
        return false;
    }
    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
    if term == Cat::ATerm && lower_ahead() {
        return false;
    }
    // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
    if next == Cat::SContinue || is_saterm(next) {
        return false;
    }
    // SB9: SATerm Close* × (Close | Sp | ParaSep)
    if !spaces && next == Cat::Close {
        return false;
    }
    // SB9, SB10: SATerm Close* Sp* × (Sp | ParaSep)
    if next == Cat::Sp || is_para_sep(next) {
        return false;
    }
    // SB11
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<usize> {
        fallback(text)
    }

    #[test]
    fn agrees_on_press_sentences() {
        for text in [
            "Meta released Llama 3. It is open. \"Is it?\" he asked.",
            "Dhr. Jansen zegt o.a. dat Llama 3.1 open is.\n\nHet model is groot!",
            "GPT-4.5 is closed.) Next. (See below.) “Quoted.” ‘Single.’ End",
            "U.S. firms – and E.U. ones — agree... no? Yes!! ok.\r\nDone",
            "Prijs: € 5. Geen probleem.",
            "Ça va. À bientôt. über. Öl.",
        ] {
            assert_eq!(breaks(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn hostile_runs_are_linear() {
        // Each position of a long run after a full stop used to look ahead
        // (SB8) over the whole run. The reference is itself slow on such
        // runs, so it is asked about a short one and the long ones are
        // checked against what UAX#29 says.
        let short = format!("a.{} x", ")".repeat(2_000));
        assert_eq!(breaks(&short), reference(&short));
        let long = format!("a.{} x", ")".repeat(1_000_000));
        assert!(breaks(&long).is_empty(), "a lowercase word continues");
        let long = format!("a.{}X", " ".repeat(1_000_000));
        assert_eq!(breaks(&long), [long.len() - 1]);
    }

    #[test]
    fn long_text_with_unknown_characters_stays_linear() {
        // Past the exact fall-back's limit the unknown characters' categories
        // are estimated; on such a run the estimate agrees with the tables.
        let over = format!("Llama 3 is open source.{} 😀 x", ")".repeat(17_000));
        assert!(over.len() > EXACT_FALLBACK_LIMIT);
        assert_eq!(breaks(&over), reference(&over));
        let huge = format!("Llama 3 is open source.{} 😀 X", ")".repeat(1_000_000));
        assert_eq!(breaks(&huge), [huge.len() - "😀 X".len()]);
        let cjk = format!("{}。Llama 3 是开源的。", "模型".repeat(10_000));
        assert_eq!(breaks(&cjk), reference(&cjk));
    }

    #[test]
    fn unknown_characters_fall_back_to_the_tables() {
        let text = "Llama 3 是开源的。Mistral 7B too. 😀 Next.";
        assert_eq!(breaks(text), reference(text));
    }

    const ALPHABET: &[char] = &[
        'a', 'b', 'Z', 'Q', 'é', 'É', 'ß', '1', '0', '.', '.', '.', '!', '?', '"', '\'', '(', ')',
        '[', ',', '-', ':', ';', ' ', ' ', ' ', '\t', '\n', '\r', '\u{a0}', '’', '“', '”', '«',
        '–', '—', '#', '/', '_', '…', '€', 'µ', '×', '»', '\u{b}', 'ª', 'Þ', 'ÿ', '¿',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_breaks_as_unicode_segmentation(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&k| ALPHABET[k]).collect();
            prop_assert_eq!(breaks(&text), reference(&text), "{:?}", text);
        }
    }
}
