//! UAX#29 word boundaries for the characters news text is made of.
//!
//! The same reasoning as [`super::sentence_bounds`]: a table lookup over the
//! whole of Unicode for every character of every claim sentence, twice, was
//! a large share of the analysis. For text of ASCII, Latin-1 letters and the
//! press's quotes and dashes the Word_Break categories are known here and
//! the rules WB3–WB13b and WB999 are applied directly; any other character
//! sends the whole text to `unicode-segmentation`. A property test holds the
//! two to each other.

use unicode_segmentation::UnicodeSegmentation;

/// Word_Break categories of UAX#29 that the known characters have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Newline,
    WSegSpace,
    ALetter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    DoubleQuote,
    ExtendNumLet,
    Other,
}

super::ascii_table::ascii_lookup!(Cat);

/// The category of a known character; None for any other.
const fn known_category(c: char) -> Option<Cat> {
    Some(match c {
        '\r' => Cat::Cr,
        '\n' => Cat::Lf,
        '\u{b}' | '\u{c}' => Cat::Newline,
        ' ' => Cat::WSegSpace,
        'a'..='z' | 'A'..='Z' | 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' => {
            Cat::ALetter
        }
        '0'..='9' => Cat::Numeric,
        ':' => Cat::MidLetter,
        ',' | ';' => Cat::MidNum,
        '.' | '\u{2018}' | '\u{2019}' => Cat::MidNumLet,
        '\'' => Cat::SingleQuote,
        '"' => Cat::DoubleQuote,
        '_' => Cat::ExtendNumLet,
        '\t'
        | '!'
        | '#'..='&'
        | '('..='+'
        | '-'
        | '/'
        | '<'..='@'
        | '['
        | '\\'
        | ']'
        | '^'
        | '`'
        | '{'..='~'
        | '\u{a0}'
        | '«'
        | '»'
        | '\u{2013}'
        | '\u{2014}'
        | '\u{201c}'
        | '\u{201d}'
        | '…' => Cat::Other,
        _ => return None,
    })
}

/// The (offset, word) segments of `text`, as `split_word_bound_indices`
/// gives them.
pub fn segments(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 3);
    for_each(text, |at, word| out.push((at, word)));
    out
}

/// Calls `f` with each (offset, word) segment of `text`, in order, as
/// `split_word_bound_indices` gives them, without collecting them: the
/// rules segment every claim sentence, and the vectors were a large share
/// of the allocation on claim-dense text.
pub fn for_each<'t>(text: &'t str, f: impl FnMut(usize, &'t str)) {
    // ASCII is read a byte at a time from the table: no character decoded.
    if text.is_ascii() {
        let cats = text.bytes().map(|b| category(char::from(b)));
        window(text, cats.enumerate(), f);
    } else {
        window(text, text.char_indices().map(|(i, c)| (i, category(c))), f);
    }
}

/// [`for_each`] over the (offset, category) of each character of `text`.
/// A window of four characters slides over the text: the rules look one
/// character further out on each side of a position. Inside a run of
/// letters and digits, where UAX#29 never breaks, they are not asked. Any
/// character without a known category sends the text to
/// `unicode-segmentation`.
fn window<'t>(
    text: &'t str,
    cats: impl Iterator<Item = (usize, Option<Cat>)> + Clone,
    mut f: impl FnMut(usize, &'t str),
) {
    if cats.clone().any(|(_, c)| c.is_none()) {
        for (at, word) in text.split_word_bound_indices() {
            f(at, word);
        }
        return;
    }
    let mut chars = cats.map(|(i, c)| (i, c.unwrap_or(Cat::Other)));
    let Some((_, mut prev)) = chars.next() else {
        return;
    };
    let word = |c: Cat| matches!(c, Cat::ALetter | Cat::Numeric);
    let mut before: Option<Cat> = None;
    let mut next = chars.next();
    let mut after = chars.next();
    let mut start = 0;
    while let Some((at, n)) = next {
        if !(word(prev) && word(n)) && breaks_between(before, prev, n, after.map(|(_, c)| c)) {
            if let Some(w) = text.get(start..at) {
                f(start, w);
            }
            start = at;
        }
        before = Some(prev);
        prev = n;
        next = after;
        after = chars.next();
    }
    if let Some(w) = text.get(start..).filter(|w| !w.is_empty()) {
        f(start, w);
    }
}

fn is_mid_num_let_q(c: Cat) -> bool {
    matches!(c, Cat::MidNumLet | Cat::SingleQuote)
}

/// Whether UAX#29 breaks between `prev` and `next`, with the categories
/// one further out on each side.
fn breaks_between(before: Option<Cat>, prev: Cat, next: Cat, after: Option<Cat>) -> bool {
    use Cat::*;
    let newline = |c: Cat| matches!(c, Newline | Cr | Lf);
    match (prev, next) {
        // WB3, WB3a, WB3b, WB3d
        (Cr, Lf) => false,
        (p, _) if newline(p) => true,
        (_, n) if newline(n) => true,
        (WSegSpace, WSegSpace) => false,
        // WB5, WB8, WB9, WB10
        (ALetter | Numeric, ALetter | Numeric) => false,
        // WB6, WB12
        (ALetter, MidLetter) if after == Some(ALetter) => false,
        (ALetter, n) if is_mid_num_let_q(n) && after == Some(ALetter) => false,
        (Numeric, MidNum) if after == Some(Numeric) => false,
        (Numeric, n) if is_mid_num_let_q(n) && after == Some(Numeric) => false,
        // WB7, WB11
        (MidLetter, ALetter) if before == Some(ALetter) => false,
        (p, ALetter) if is_mid_num_let_q(p) && before == Some(ALetter) => false,
        (MidNum, Numeric) if before == Some(Numeric) => false,
        (p, Numeric) if is_mid_num_let_q(p) && before == Some(Numeric) => false,
        // WB13a, WB13b
        (ALetter | Numeric | ExtendNumLet, ExtendNumLet) => false,
        (ExtendNumLet, ALetter | Numeric) => false,
        // WB999
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    #[test]
    fn agrees_on_press_sentences() {
        for text in [
            "Meta's Llama 3.1 is open-source, it said: \"yes\".",
            "Meta’s model costs $1,000.50 (about €900); see www.example.com/a_b.",
            "Het model – ‘open’ — is o.a. 3,5 keer zo groot…\r\nNieuw  blok\tmet tab",
            "Ça va. À bientôt: über_alles. Öl 12:30",
        ] {
            assert_eq!(segments(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn unknown_characters_fall_back_to_the_tables() {
        let text = "Llama 3 是开源的 😀 e\u{301}";
        assert_eq!(segments(text), reference(text));
    }

    const ALPHABET: &[char] = &[
        'a', 'b', 'Z', 'é', 'É', 'ß', 'ÿ', 'ª', '1', '0', '.', ',', ';', ':', '\'', '’', '‘', '"',
        '_', '-', ' ', ' ', '\t', '\n', '\r', '\u{b}', '\u{a0}', '“', '”', '«', '–', '—', '…', '!',
        '?', '(', ')', '#', '/', '€', '·', '×',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn ascii_text_gets_the_segments_of_unicode_segmentation(
            text in "[a-zA-Z0-9 .,;:'\"_\\-!?()\t\r\n\x0b\x00]{0,40}"
        ) {
            prop_assert_eq!(segments(&text), reference(&text), "{:?}", text);
        }

        #[test]
        fn same_segments_as_unicode_segmentation(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..30)
        ) {
            let text: String = picks.iter().map(|&k| ALPHABET[k]).collect();
            prop_assert_eq!(segments(&text), reference(&text), "{:?}", text);
        }
    }
}
