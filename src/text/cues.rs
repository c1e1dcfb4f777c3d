//! Every match of one cue list in one sentence, found in a single pass and
//! kept sorted, so that the earliest cue in any part of the sentence is a
//! binary search away. The rules ask for cues in many ranges of the same
//! sentence (before the term, after it, its clause) and a sentence of
//! hostile input holds hundreds of claim terms: scanning the range again
//! for each question made such a sentence cost its length times its terms.

use std::ops::Range;

use aho_corasick::AhoCorasick;

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
    /// Every (overlapping) occurrence of `phrases` in `hay`, as `ac` (built
    /// from `phrases`) finds them.
    pub fn new(hay: &str, ac: &AhoCorasick, phrases: &[&str]) -> CueMatches {
        let mut found: Vec<Occurrence> = ac
            .find_overlapping_iter(hay)
            .filter_map(|m| {
                let phrase = phrases.get(m.pattern().as_usize())?;
                let first_alnum = phrase.chars().next().is_some_and(char::is_alphanumeric);
                let last_alnum = phrase
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let before = hay.get(..m.start()).and_then(|x| x.chars().next_back());
                let after = hay.get(m.end()..).and_then(|x| x.chars().next());
                Some(Occurrence {
                    start: m.start(),
                    end: m.end(),
                    pattern: m.pattern().as_usize(),
                    boundary_before: !first_alnum || !before.is_some_and(joins),
                    boundary_after: !last_alnum || !after.is_some_and(joins),
                })
            })
            .collect();
        found.sort_unstable_by_key(|o| (o.start, o.pattern));
        let mut next_bounded = vec![found.len(); found.len() + 1];
        for i in (0..found.len()).rev() {
            next_bounded[i] = if found[i].boundary_before && found[i].boundary_after {
                i
            } else {
                next_bounded[i + 1]
            };
        }
        let longest = phrases.iter().map(|p| p.len()).max().unwrap_or(0);
        CueMatches {
            found,
            next_bounded,
            longest,
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

    #[test]
    fn answers_every_range_as_a_scan_of_that_range_would() {
        let phrases = [
            "so",
            "open source",
            "source",
            "but",
            "not",
            "-",
            "no one",
            "on",
        ];
        let ac = AhoCorasick::new(phrases).expect("fixed phrases");
        for hay in [
            "open source so-so, but not open-source; sources say no one knows",
            "soso so so-called no-one not but",
            "open source open source open source ",
        ] {
            let idx = CueMatches::new(hay, &ac, &phrases);
            for a in 0..=hay.len() {
                for b in a..=hay.len() {
                    let want = scan(hay, a..b, &phrases);
                    assert_eq!(idx.earliest(a..b), want, "{hay:?} {a}..{b}");
                }
            }
        }
    }
}
