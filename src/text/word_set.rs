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
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// `word` is in the list, exactly as written there.
    pub fn contains(&self, word: &str) -> bool {
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
        for w in ["not", "niet", "n't", "Not", "no", "", "nota"] {
            assert_eq!(
                WORDS.contains(w),
                ["not", "niet", "n't"].contains(&w),
                "{w}"
            );
        }
    }
}
