//! The rules' cue phrases: where the earliest of a list stands on word
//! boundaries in part of a sentence.
//!
//! The rules ask for cues in many ranges of the same sentence (before the
//! term, after it, its clause). A [`CueList`] answers the first questions
//! by reading the range from its word starts only, since nearly every
//! phrase opens with a letter. A sentence of hostile input holds hundreds
//! of claim terms, and scanning the range again for each question made it
//! cost its length times its terms: from then on, [`CueMatches`] holds
//! every match of the list in the sentence, found in one pass and kept
//! sorted, so that the earliest cue in any part is a binary search away.

use std::ops::Range;

use std::cell::OnceCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::text::byte_trie::ByteTrie;

/// One cue list ready to search: its phrases as a trie, and for each
/// phrase whether it starts and ends with a letter or digit, the sides on
/// which it must stand on a word boundary.
#[derive(Debug, Clone)]
pub struct CueList {
    trie: ByteTrie,
    /// (first character alphanumeric, last character alphanumeric) per phrase.
    alnum_ends: Vec<(bool, bool)>,
    /// The longest phrase in bytes.
    longest: usize,
    /// See [`CueList::opens_with_alnum`].
    opens_with_alnum: bool,
    /// The phrases, for [`CueList::automaton`].
    phrases: Vec<String>,
    /// A DFA of the phrases, built the first time a sentence is long or
    /// hostile enough to have every match indexed: over every byte of a
    /// long text it is faster than starting the trie at each position.
    automaton: OnceCell<Option<AhoCorasick>>,
}

impl CueList {
    /// The list of `phrases`, matched byte for byte (the rules' phrases are
    /// lowercase and searched in lowercased text).
    pub fn new(phrases: &[&str]) -> CueList {
        let alnum_ends: Vec<(bool, bool)> = phrases
            .iter()
            .map(|p| {
                (
                    p.chars().next().is_some_and(char::is_alphanumeric),
                    p.chars().next_back().is_some_and(char::is_alphanumeric),
                )
            })
            .collect();
        CueList {
            trie: ByteTrie::new(phrases, false),
            opens_with_alnum: alnum_ends.iter().all(|&(first, _)| first),
            alnum_ends,
            longest: phrases.iter().map(|p| p.len()).max().unwrap_or(0),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            automaton: OnceCell::new(),
        }
    }

    /// See [`CueList::automaton`]; None only were a fixed list ever too
    /// large for the automaton, and then the trie answers.
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .match_kind(MatchKind::Standard)
                    .build(&self.phrases)
                    .ok()
            })
            .as_ref()
    }

    /// Every phrase opens with a letter or digit, so it can only start at
    /// a word start: [`CueList::earliest_at`] those suffice.
    pub fn opens_with_alnum(&self) -> bool {
        self.opens_with_alnum
    }

    /// The earliest phrase in `hay` that stands on word boundaries (the
    /// ends of `hay` count as boundaries) and, of those at one offset, the
    /// first in the list: `(phrase index, offset)`. Positions inside a word
    /// are passed over unless a phrase may start there with a sign.
    pub fn earliest(&self, hay: &str) -> Option<(usize, usize)> {
        let bytes = hay.as_bytes();
        (0..bytes.len()).find_map(|s| {
            let b = *bytes.get(s)?;
            if !self.trie.starts_with(b) {
                return None;
            }
            let follows_word = joins_before(hay, s);
            // A phrase that opens with a letter or digit never follows one.
            if b.is_ascii_alphanumeric() && follows_word {
                return None;
            }
            self.at(hay, s, follows_word).map(|p| (p, s))
        })
    }

    /// [`CueList::earliest`] for a list that [opens with a letter or
    /// digit](CueList::opens_with_alnum), read only at `starts`: ascending
    /// offsets in `hay` that no letter, digit or hyphen precedes, which
    /// must hold every such offset but the first of `hay`.
    pub fn earliest_at(
        &self,
        hay: &str,
        starts: impl IntoIterator<Item = usize>,
    ) -> Option<(usize, usize)> {
        let bytes = hay.as_bytes();
        starts.into_iter().find_map(|s| {
            if !self.trie.starts_with(*bytes.get(s)?) {
                return None;
            }
            self.at(hay, s, false).map(|p| (p, s))
        })
    }

    /// The first phrase in the list that starts at `s` of `hay` and stands
    /// on word boundaries there, given whether a letter, digit or hyphen
    /// precedes `s`.
    fn at(&self, hay: &str, s: usize, follows_word: bool) -> Option<usize> {
        let mut pick: Option<usize> = None;
        self.trie.walk(hay.as_bytes(), s, hay.len(), &mut |p, e| {
            if pick.is_some_and(|q| q <= p) {
                return;
            }
            let (first, last) = self.alnum_ends.get(p).copied().unwrap_or_default();
            let after = || hay.get(e..).and_then(|x| x.chars().next());
            if (!first || !follows_word) && (!last || !after().is_some_and(joins)) {
                pick = Some(p);
            }
        });
        pick
    }
}

/// Every (start, end, phrase) of `list` in `hay`, overlapping ones
/// included, found with the trie from every position: what the automaton
/// finds, should a list ever be too large for one.
fn by_trie(hay: &str, list: &CueList) -> Vec<(usize, usize, usize)> {
    let bytes = hay.as_bytes();
    let mut all = Vec::new();
    for (start, &b) in bytes.iter().enumerate() {
        if list.trie.starts_with(b) {
            list.trie.walk(bytes, start, bytes.len(), &mut |p, end| {
                all.push((start, end, p))
            });
        }
    }
    all
}

/// Whether a letter, digit or hyphen ends `hay[..s]`.
fn joins_before(hay: &str, s: usize) -> bool {
    match s.checked_sub(1).and_then(|i| hay.as_bytes().get(i)) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'-',
        Some(_) => hay
            .get(..s)
            .and_then(|x| x.chars().next_back())
            .is_some_and(joins),
    }
}

/// The offsets of `hay` where a letter or digit starts a word (no letter,
/// digit or hyphen before it): where a phrase that opens with one may stand.
pub fn word_starts(hay: &str) -> Vec<u32> {
    let bytes = hay.as_bytes();
    let mut out = Vec::with_capacity(hay.len() / 5);
    let mut follows_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII from the byte; any other character decoded.
        let (alnum, joins_next, len) = if b < 0x80 {
            let alnum = b.is_ascii_alphanumeric();
            (alnum, alnum || b == b'-', 1)
        } else {
            let c = hay.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            let alnum = c.is_alphanumeric();
            (alnum, alnum, c.len_utf8())
        };
        if alnum && !follows_word {
            out.push(crate::span::narrow(i));
        }
        follows_word = joins_next;
        i += len;
    }
    out
}

/// One occurrence of a phrase, with whether it stands on word boundaries
/// in the whole text (a range that cuts the text right next to it makes
/// that side a boundary too).
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    start: usize,
    end: usize,
    pattern: usize,
    boundary_before: bool,
    boundary_after: bool,
}

/// The occurrences of one phrase list in one lowercased text.
#[derive(Debug, Default)]
pub struct CueMatches {
    /// Sorted by (start, pattern): the order in which an earliest match is chosen.
    found: Vec<Occurrence>,
    /// For each index, the first index at or after it whose occurrence stands
    /// on word boundaries on both sides (`found.len()` when none does).
    next_bounded: Vec<usize>,
    /// The longest phrase in bytes: an occurrence that crosses the end of a
    /// range starts less than this before it.
    longest: usize,
}

/// `c` continues a word: a phrase next to it does not stand on a boundary.
fn joins(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

impl CueMatches {
    /// Every occurrence of the phrases of `list` in `hay`, overlapping ones included.
    pub fn new(hay: &str, list: &CueList) -> CueMatches {
        let occurrence = |start: usize, end: usize, pattern: usize| {
            let (first, last) = list.alnum_ends.get(pattern).copied().unwrap_or_default();
            let after = hay.get(end..).and_then(|x| x.chars().next());
            Occurrence {
                start,
                end,
                pattern,
                boundary_before: !first || !joins_before(hay, start),
                boundary_after: !last || !after.is_some_and(joins),
            }
        };
        let mut found: Vec<Occurrence> = match list.automaton() {
            Some(ac) => ac
                .find_overlapping_iter(hay)
                .map(|m| occurrence(m.start(), m.end(), m.pattern().as_usize()))
                .collect(),
            None => by_trie(hay, list)
                .into_iter()
                .map(|(start, end, p)| occurrence(start, end, p))
                .collect(),
        };
        found.sort_unstable_by_key(|o| (o.start, o.pattern));
        let mut next_bounded = vec![found.len(); found.len() + 1];
        for i in (0..found.len()).rev() {
            next_bounded[i] = if found[i].boundary_before && found[i].boundary_after {
                i
            } else {
                next_bounded[i + 1]
            };
        }
        CueMatches {
            found,
            next_bounded,
            longest: list.longest,
        }
    }

    /// The occurrence inside `r` that stands on word boundaries as seen from
    /// `r` (its ends count as boundaries), earliest first and, at the same
    /// offset, first in the phrase list: `(pattern, start)`.
    pub fn earliest(&self, r: Range<usize>) -> Option<(usize, usize)> {
        let fits = |o: &Occurrence| {
            o.start >= r.start
                && o.end <= r.end
                && (o.start == r.start || o.boundary_before)
                && (o.end == r.end || o.boundary_after)
        };
        let answer = |i: usize| self.found.get(i).map(|o| (o.pattern, o.start));
        let first = self.found.partition_point(|o| o.start < r.start);
        // At the start of the range the boundary before is given.
        let mut i = first;
        while let Some(o) = self.found.get(i).filter(|o| o.start == r.start) {
            if fits(o) {
                return answer(i);
            }
            i += 1;
        }
        // Inside, the earliest occurrence on both boundaries that ends in the
        // range; those passed over cross the end, so there are few of them.
        let mut best = self.found.len();
        let mut j = self
            .next_bounded
            .get(i)
            .copied()
            .unwrap_or(self.found.len());
        while let Some(o) = self.found.get(j).filter(|o| o.start < r.end) {
            if o.end <= r.end {
                best = j;
                break;
            }
            j = self
                .next_bounded
                .get(j + 1)
                .copied()
                .unwrap_or(self.found.len());
        }
        // At the end of the range the boundary after is given: the few
        // occurrences that end there may come earlier.
        let tail = r.end.saturating_sub(self.longest).max(r.start + 1);
        let k0 = self.found.partition_point(|o| o.start < tail).max(i);
        for k in k0..best {
            match self.found.get(k) {
                Some(o) if o.start < r.end => {
                    if fits(o) {
                        return answer(k);
                    }
                }
                _ => break,
            }
        }
        answer(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    /// The earliest match by scanning `r` alone, as the rules did before.
    fn scan(hay: &str, r: Range<usize>, phrases: &[&str]) -> Option<(usize, usize)> {
        let sub = hay.get(r.clone())?;
        let ac = AhoCorasick::new(phrases).ok()?;
        ac.find_overlapping_iter(sub)
            .filter(|m| {
                let phrase = phrases[m.pattern().as_usize()];
                let before = sub.get(..m.start()).and_then(|x| x.chars().next_back());
                let after = sub.get(m.end()..).and_then(|x| x.chars().next());
                let first_alnum = phrase.chars().next().is_some_and(char::is_alphanumeric);
                let last_alnum = phrase
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                (!first_alnum || !before.is_some_and(joins))
                    && (!last_alnum || !after.is_some_and(joins))
            })
            .map(|m| (m.pattern().as_usize(), r.start + m.start()))
            .min_by_key(|&(p, at)| (at, p))
    }

    const PHRASES: [&str; 12] = [
        "so",
        "open source",
        "source",
        "but",
        "not",
        "-",
        "no one",
        "on",
        "— ",
        "één",
        "niet",
        "so",
    ];

    /// The phrases of [`PHRASES`] that open with a letter or digit: a list
    /// [`CueList::earliest_at`] may read at word starts only.
    fn alnum() -> Vec<&'static str> {
        PHRASES
            .into_iter()
            .filter(|p| p.chars().next().is_some_and(char::is_alphanumeric))
            .collect()
    }

    /// [`CueList::earliest_at`] at the word starts of all of `hay`.
    fn at_word_starts(list: &CueList, hay: &str) -> Option<(usize, usize)> {
        let starts = word_starts(hay).into_iter().map(|w| w as usize);
        list.earliest_at(hay, std::iter::once(0).chain(starts.filter(|&w| w > 0)))
    }

    #[test]
    fn answers_every_range_as_a_scan_of_that_range_would() {
        let list = CueList::new(&PHRASES);
        let alnum = alnum();
        let alnum_list = CueList::new(&alnum);
        assert!(alnum_list.opens_with_alnum() && !list.opens_with_alnum());
        for hay in [
            "open source so-so, but not open-source; sources say no one knows",
            "soso so so-called no-one not but",
            "open source open source open source ",
            "één—niet — één-op-één, zo niet",
        ] {
            let idx = CueMatches::new(hay, &list);
            for a in 0..=hay.len() {
                for b in a..=hay.len() {
                    // The rules ask only for ranges on character boundaries.
                    let Some(sub) = hay.get(a..b) else {
                        continue;
                    };
                    let want = scan(hay, a..b, &PHRASES);
                    let shift = |found: Option<(usize, usize)>| found.map(|(p, at)| (p, a + at));
                    assert_eq!(shift(list.earliest(sub)), want, "{hay:?} {a}..{b}");
                    assert_eq!(
                        shift(at_word_starts(&alnum_list, sub)),
                        scan(hay, a..b, &alnum),
                        "{hay:?} {a}..{b}"
                    );
                    assert_eq!(idx.earliest(a..b), want, "{hay:?} {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn the_trie_indexes_what_the_automaton_indexes() {
        let list = CueList::new(&PHRASES);
        let ac = list.automaton().expect("a small list builds");
        for hay in [
            "één—niet — één-op-één, zo niet",
            "open source so-so, no one on",
        ] {
            let mut want: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(hay)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            let mut got = by_trie(hay, &list);
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{hay:?}");
            assert!(!got.is_empty());
        }
    }

    proptest! {
        #[test]
        fn the_trie_finds_what_the_automaton_found(
            picks in proptest::collection::vec(0..14usize, 0..40),
        ) {
            const PIECES: &[&str] = &[
                "so", "open", " ", "source", "-", "no", "t", "one", "é", "één", "—", "niet", "b", "ut",
            ];
            let hay: String = picks.iter().map(|&k| PIECES[k]).collect();
            let want = scan(&hay, 0..hay.len(), &PHRASES);
            prop_assert_eq!(CueList::new(&PHRASES).earliest(&hay), want);
            let alnum = alnum();
            prop_assert_eq!(
                at_word_starts(&CueList::new(&alnum), &hay),
                scan(&hay, 0..hay.len(), &alnum)
            );
        }
    }
}
