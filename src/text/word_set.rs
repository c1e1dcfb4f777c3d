//! A fixed word list answered by one hash lookup. The claim path asks the
//! same lists (negators, clause breaks, words that are no noun) about every
//! word of a claim sentence, and walking a list of a hundred words for each
//! was a large share of the time on claim-dense text.

use std::sync::OnceLock;

use super::fast_hash::FxHashSet;

/// A word list whose set is built on first use.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
    /// The first bytes of the listed words, as 256 bits, and the longest
    /// word's length: most words of a sentence are turned away by these
    /// without being hashed.
    first: [u64; 4],
    longest: usize,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        let mut first = [0u64; 4];
        let mut longest = 0;
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            if let Some(&b) = word.first() {
                first[(b >> 6) as usize] |= 1 << (b & 63);
            }
            if word.len() > longest {
                longest = word.len();
            }
            i += 1;
        }
        WordSet {
            list,
            set: OnceLock::new(),
            first,
            longest,
        }
    }

    /// `word` is in the list, exactly as written there.
    pub fn contains(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return self.list.contains(&"");
        };
        if word.len() > self.longest || self.first[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            return false;
        }
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_list_does() {
        static WORDS: WordSet = WordSet::new(&["not", "niet", "n't"]);
        // Same first byte, longer than any, a prefix, another first byte.
        for w in [
            "not", "niet", "n't", "Not", "no", "", "nota", "nietje", "n", "x", "ñ",
        ] {
            assert_eq!(
                WORDS.contains(w),
                ["not", "niet", "n't"].contains(&w),
                "{w}"
            );
        }
    }
}
