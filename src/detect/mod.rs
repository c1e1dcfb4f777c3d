//! Finding what a sentence is about: model mentions and claim terms.

mod alias_trie;
pub mod claims;
pub mod guard;
pub mod matcher;
pub mod mentions;

pub use claims::{ClaimForm, ClaimTerm};
pub use matcher::Matcher;
pub use mentions::Mention;
