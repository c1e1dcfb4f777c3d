//! A fast hasher for the fixed word lists the claim path asks about every
//! word of a claim sentence. The keys are the project's own lexicon words,
//! never input that an attacker chooses as keys, so the flooding resistance
//! of the standard SipHash buys nothing here, and it cost more than the
//! lookups themselves.

use std::hash::{BuildHasherDefault, Hasher};

/// FxHash, as rustc uses it: a multiply and rotate per word of input.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = std::collections::HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_words_apart_and_finds_them_again() {
        let words = [
            "",
            "a",
            "ab",
            "open",
            "source",
            "opensource",
            "n't",
            "niet",
            "twelve chars",
        ];
        let set: FxHashSet<&str> = words.iter().copied().collect();
        assert_eq!(set.len(), words.len());
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("sourc"));
    }
}
