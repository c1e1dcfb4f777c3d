//! Language, sentences and words: the text units the rules reason about.

mod ascii_table;
pub mod byte_trie;
pub mod cues;
pub mod fast_hash;
pub mod lang;
pub mod lexicon;
pub mod sentence_bounds;
pub mod sentences;
pub mod word_bounds;
pub mod word_set;
pub mod words;
