//! What the rules can see of a sentence: its words, its clauses and the
//! model mentions in and just before it.

use std::ops::Range;

use std::cell::RefCell;
use std::rc::Rc;

use compact_str::CompactString;

use crate::detect::Mention;
use crate::glossary::{Glossary, Model};
use crate::text::cues::{word_starts, CueList, CueMatches};
use crate::text::fast_hash::FxHashMap;
use crate::text::lexicon::{is_quote, CLAUSE_BREAKS, NEGATORS};
use crate::text::word_set::WordSet;
use crate::text::words::{lower_ascii, Token, TokenKind};

/// The words of `sentence` of `text` without the spaces between them: what
/// [`Context::new`] and the sentence's structure are built from.
pub fn words(text: &str, sentence: &Range<usize>) -> Vec<Token> {
    text.get(sentence.clone())
        .map(|s| crate::text::words::words(s, sentence.start))
        .unwrap_or_default()
}

/// A non-space token with its lowercased text.
#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Range<usize>,
    pub lower: CompactString,
    pub kind: TokenKind,
    /// The word is one of [`NEGATORS`], looked up once per sentence rather
    /// than by every term that reads the words before it.
    pub negator: bool,
}

pub struct Context<'a> {
    pub text: &'a str,
    pub sentence: Range<usize>,
    pub toks: Vec<Tok>,
    /// Every mention in the document, in order.
    pub mentions: &'a [Mention],
    /// Indices into `mentions` that lie in this sentence.
    pub here: Range<usize>,
    /// The last mention of the previous sentence in the same block.
    pub previous: Option<usize>,
    /// The next sentence in the same block, where an author may deny a reported claim.
    pub next_sentence: Option<Range<usize>>,
    /// The sentence before, in the same block; None for a block's first sentence.
    pub previous_sentence: Option<Range<usize>>,
    pub glossary: &'a Glossary,
    /// The sentence's structure, shared by every term in it.
    pub structure: std::rc::Rc<crate::structure::Structure>,
    /// The sentence lowercased once, byte for byte aligned with the text, so
    /// cue searches neither allocate nor shift offsets.
    lower: String,
    /// Where a word opens with a letter or digit in `lower` (see
    /// [`word_starts`]): the only offsets most cue lists are read at.
    word_starts: Vec<u32>,
    /// Offsets of the full stops, exclamation and question marks and
    /// ellipses that end a sentence (followed by a space, a quote, a
    /// bracket or nothing), in order.
    stops: Vec<usize>,
    /// Indices of the tokens that end a clause, in order: a term's clause is
    /// two binary searches, not a walk over the sentence.
    breaks: Vec<usize>,
    /// What each cue list asked for in this sentence has cost, keyed by the
    /// list's address and length.
    cues: RefCell<Vec<((usize, usize), CueState)>>,
    /// Whether the next sentence holds any of a cue list, per list address:
    /// every term of the sentence may ask, the next sentence is read once.
    next_cues: RefCell<Vec<(usize, bool)>>,
}

/// How a cue list is searched in one sentence. The first questions scan
/// their range, which is cheapest for the usual sentence with one claim
/// term; from [`SCANS_BEFORE_INDEX`] on, the sentence is scanned once
/// and every further question is a binary search, so a sentence with
/// hundreds of terms costs its length, not its length times its terms.
enum CueState {
    /// Scanned this many times, with the list kept for the next scan.
    Scanned(usize, Rc<CueList>),
    Indexed(Rc<CueMatches>),
}

/// Range scans of one cue list in one sentence before its matches are indexed.
const SCANS_BEFORE_INDEX: usize = 3;

/// A sentence longer than this (in bytes; the press's longest run to about
/// a thousand) has its matches indexed at the first question: over long
/// ranges one automaton pass and binary searches cost less than scans.
const LONG_SENTENCE: usize = 4096;

/// Lowercases `s` keeping every byte offset: a character whose lowercase form
/// has another length stays as it is.
fn lower_aligned(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// One searchable list per cue list, built on first use in each thread.
fn cue_list(phrases: &'static [&'static str]) -> Rc<CueList> {
    thread_local! {
        static CACHE: RefCell<FxHashMap<(usize, usize), Rc<CueList>>> =
            RefCell::new(FxHashMap::default());
    }
    CACHE.with(|c| {
        c.borrow_mut()
            .entry((phrases.as_ptr() as usize, phrases.len()))
            .or_insert_with(|| Rc::new(CueList::new(phrases)))
            .clone()
    })
}

/// The offsets in `s` (which starts at `base`) of the marks that end a
/// sentence: `.`, `!`, `?` or `…` followed by a space, a quote, `)` or the
/// end of `s`.
fn stops(s: &str, base: usize) -> Vec<usize> {
    s.char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '…')
                && s.get(i + c.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_none_or(|n| n.is_whitespace() || is_quote(n) || n == ')')
        })
        .map(|(i, _)| base + i)
        .collect()
}

static NEGATOR_SET: WordSet = WordSet::new(NEGATORS);
static CLAUSE_BREAK_SET: WordSet = WordSet::new(CLAUSE_BREAKS);

/// A token that ends a clause: a conjunction or a bracket, dash or semicolon.
fn is_break(t: &Tok) -> bool {
    match t.kind {
        TokenKind::Punct => matches!(t.lower.as_str(), ";" | "(" | ")" | "—" | "–" | "[" | "]"),
        _ => CLAUSE_BREAK_SET.contains(&t.lower),
    }
}

/// A phrase found at `s..e` of `hay` stands on word boundaries.
fn on_boundary(hay: &str, s: usize, e: usize, phrase: &str) -> bool {
    let before = hay.get(..s).and_then(|x| x.chars().next_back());
    let after = hay.get(e..).and_then(|x| x.chars().next());
    let first_alnum = phrase.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = phrase
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let ok_before = !first_alnum || !before.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let ok_after = !last_alnum || !after.is_some_and(|c| c.is_alphanumeric() || c == '-');
    ok_before && ok_after
}

impl<'a> Context<'a> {
    /// The context of `sentence`, whose `words` (spaces left out, see
    /// [`words`]) are segmented once and shared with its structure.
    pub fn new(
        text: &'a str,
        sentence: Range<usize>,
        words: &[Token],
        mentions: &'a [Mention],
        here: Range<usize>,
        previous: Option<usize>,
        glossary: &'a Glossary,
    ) -> Self {
        let toks: Vec<Tok> = words
            .iter()
            .map(|t| {
                let word = text.get(t.span.clone()).unwrap_or("");
                let lower = if word.is_ascii() {
                    lower_ascii(word)
                } else {
                    CompactString::from_str_to_lowercase(word)
                };
                Tok {
                    negator: NEGATOR_SET.contains(&lower),
                    lower,
                    span: t.span.clone(),
                    kind: t.kind,
                }
            })
            .collect();
        let lower = lower_aligned(text.get(sentence.clone()).unwrap_or(""));
        let word_starts = word_starts(&lower);
        let breaks = (0..toks.len()).filter(|&i| is_break(&toks[i])).collect();
        let stops = stops(text.get(sentence.clone()).unwrap_or(""), sentence.start);
        Context {
            text,
            sentence,
            toks,
            mentions,
            here,
            previous,
            next_sentence: None,
            previous_sentence: None,
            glossary,
            structure: Default::default(),
            lower,
            word_starts,
            stops,
            breaks,
            // The rules ask a sentence for up to a dozen lists: one
            // allocation rather than a vector grown three times.
            cues: RefCell::new(Vec::with_capacity(16)),
            next_cues: RefCell::new(Vec::new()),
        }
    }

    /// Whether the next sentence of the block holds one of `phrases`.
    pub fn next_has_any(&self, phrases: &'static [&'static str]) -> bool {
        let key = phrases.as_ptr() as usize;
        if let Some(&(_, found)) = self.next_cues.borrow().iter().find(|(k, _)| *k == key) {
            return found;
        }
        let found = self
            .next_sentence
            .clone()
            .is_some_and(|next| self.find_any(next, phrases).is_some());
        self.next_cues.borrow_mut().push((key, found));
        found
    }

    pub fn slice(&self, r: Range<usize>) -> &'a str {
        self.text.get(r).unwrap_or("")
    }

    pub fn model(&self, mention: usize) -> Option<&'a Model> {
        self.mentions
            .get(mention)
            .and_then(|m| self.glossary.models().get(m.model))
    }

    /// Mentions (document indices) in this sentence.
    pub fn sentence_mentions(&self) -> Range<usize> {
        self.here.clone()
    }

    pub fn mention_span(&self, mention: usize) -> Range<usize> {
        self.mentions
            .get(mention)
            .map(|m| m.plain.clone())
            .unwrap_or(0..0)
    }

    /// Token index of the first token at or after `offset`.
    pub fn tok_at_or_after(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < offset)
    }

    /// The clause around a term: from the last clause break before it to
    /// the first one after it, inside the sentence.
    pub fn clause(&self, term: &Range<usize>) -> Range<usize> {
        let first = self.tok_at_or_after(term.start);
        let after = self.tok_at_or_after(term.end);
        let before_first = self.breaks.partition_point(|&i| i < first);
        let start = before_first
            .checked_sub(1)
            .and_then(|b| self.breaks.get(b))
            .and_then(|&i| self.toks.get(i))
            .map(|t| t.span.end)
            .unwrap_or(self.sentence.start);
        let from_after = self.breaks.partition_point(|&i| i < after);
        let end = self
            .breaks
            .get(from_after)
            .and_then(|&i| self.toks.get(i))
            .map(|t| t.span.start)
            .unwrap_or(self.sentence.end);
        start..end.max(start)
    }

    /// Tokens wholly inside `r`.
    pub fn toks_in(&self, r: Range<usize>) -> &[Tok] {
        let a = self.tok_at_or_after(r.start);
        let b = self.toks.partition_point(|t| t.span.end <= r.end);
        self.toks.get(a..b.max(a)).unwrap_or(&[])
    }

    /// Word tokens wholly inside `r`.
    pub fn words_in(&self, r: Range<usize>) -> impl Iterator<Item = &Tok> {
        self.toks_in(r)
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
    }

    /// `r` of the lowercased sentence, with the offset it starts at; ranges
    /// outside the sentence are lowercased on the spot.
    fn lowered(&self, r: &Range<usize>) -> std::borrow::Cow<'_, str> {
        let inside = r.start >= self.sentence.start && r.end <= self.sentence.end;
        match inside
            .then(|| {
                self.lower
                    .get(r.start - self.sentence.start..r.end - self.sentence.start)
            })
            .flatten()
        {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(lower_aligned(self.slice(r.clone()))),
        }
    }

    /// Finds a lowercase phrase in `r` on word boundaries; returns its offset.
    pub fn find_phrase(&self, r: Range<usize>, phrase: &str) -> Option<usize> {
        let hay = self.lowered(&r);
        let mut from = 0;
        while let Some(i) = hay.get(from..).and_then(|h| h.find(phrase)) {
            let s = from + i;
            let e = s + phrase.len();
            if on_boundary(&hay, s, e, phrase) {
                return Some((r.start + s).min(r.end));
            }
            from = e;
        }
        None
    }

    /// The earliest of `phrases` found in `r` on word boundaries, with its offset.
    pub fn find_any(
        &self,
        r: Range<usize>,
        phrases: &'static [&'static str],
    ) -> Option<(&'static str, usize)> {
        if r.start >= r.end {
            return None;
        }
        if r.start >= self.sentence.start && r.end <= self.sentence.end {
            let (a, b) = (r.start - self.sentence.start, r.end - self.sentence.start);
            // A range that cuts a character reads as empty text, as below.
            if !self.lower.is_char_boundary(a) || !self.lower.is_char_boundary(b) {
                return None;
            }
            let found = match self.cue_matches(phrases) {
                Ok(matches) => matches.earliest(a..b),
                Err(list) => self.scan(a..b, &list),
            };
            return found.and_then(|(p, at)| Some((*phrases.get(p)?, self.sentence.start + at)));
        }
        let hay = self.lowered(&r);
        cue_list(phrases)
            .earliest(&hay)
            .and_then(|(p, at)| Some((*phrases.get(p)?, (r.start + at).min(r.end))))
    }

    /// [`CueList::earliest`] in `r` of the lowercased sentence, read
    /// at its word starts when every phrase opens with a letter or digit.
    fn scan(&self, r: Range<usize>, list: &CueList) -> Option<(usize, usize)> {
        let hay = self.lower.get(r.clone())?;
        let found = if list.opens_with_alnum() {
            let starts = &self.word_starts;
            let lo = starts.partition_point(|&w| (w as usize) <= r.start);
            let hi = starts.partition_point(|&w| (w as usize) < r.end);
            let inside = starts.get(lo..hi).unwrap_or(&[]);
            // The range's first offset starts a word as the range sees it.
            let at = std::iter::once(0).chain(inside.iter().map(|&w| w as usize - r.start));
            list.earliest_at(hay, at)
        } else {
            list.earliest(hay)
        };
        found.map(|(p, at)| (p, r.start + at))
    }

    /// The matches of `phrases` in the sentence once it has been asked for
    /// them [`SCANS_BEFORE_INDEX`] times (at once in a sentence over
    /// [`LONG_SENTENCE`]); before, the list to scan the range with.
    fn cue_matches(&self, phrases: &'static [&'static str]) -> Result<Rc<CueMatches>, Rc<CueList>> {
        let key = (phrases.as_ptr() as usize, phrases.len());
        let mut cues = self.cues.borrow_mut();
        let at = match cues.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                cues.push((key, CueState::Scanned(0, cue_list(phrases))));
                cues.len() - 1
            }
        };
        let Some((_, state)) = cues.get_mut(at) else {
            return Err(cue_list(phrases));
        };
        let scans = if self.lower.len() > LONG_SENTENCE {
            0
        } else {
            SCANS_BEFORE_INDEX
        };
        match state {
            CueState::Indexed(m) => Ok(m.clone()),
            CueState::Scanned(n, list) if *n < scans => {
                *n += 1;
                Err(list.clone())
            }
            CueState::Scanned(_, list) => {
                let m = Rc::new(CueMatches::new(&self.lower, list));
                *state = CueState::Indexed(m.clone());
                Ok(m)
            }
        }
    }

    /// The first mark at or after `offset` that ends a sentence (see
    /// [`stops`]), looking no further than the end of this sentence.
    pub fn stop_after(&self, offset: usize) -> Option<usize> {
        if offset < self.sentence.start || !self.text.is_char_boundary(offset) {
            let rest = self.slice(offset..self.sentence.end);
            return stops(rest, offset).first().copied();
        }
        let i = self.stops.partition_point(|&at| at < offset);
        self.stops.get(i).copied()
    }

    /// Mentions of this sentence inside `r`.
    /// Document mentions inside `r`, which may lie outside the sentence
    /// (the next sentence of the block).
    pub fn mentions_within(&self, r: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let start = self.mentions.partition_point(|m| m.plain.start < r.start);
        (start..self.mentions.len())
            .take_while(move |&i| self.mentions[i].plain.start < r.end)
            .filter(move |&i| self.mentions[i].plain.end <= r.end)
    }

    pub fn mentions_in(&self, r: Range<usize>) -> Vec<usize> {
        self.here
            .clone()
            .filter(|&i| {
                let s = self.mention_span(i);
                s.start >= r.start && s.end <= r.end
            })
            .collect()
    }
}
