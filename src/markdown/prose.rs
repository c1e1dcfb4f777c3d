//! The plain-text view of a document and its map back to source bytes.
//!
//! Analysis runs on `text`; every finding must come back as a source range, because the
//! annotator inserts into the original file. Plain and source offsets only agree inside a
//! [`SegmentKind::Verbatim`] segment, so every conversion goes through the segment map and
//! refuses (returns `None` / `false`) rather than guess.

use std::ops::Range;

use super::front_matter::FrontMatter;
use crate::span::narrow;

/// Plain text of a document's prose, with the map back to the source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prose {
    /// Plain text of all prose blocks. Blocks are separated by "\n\n" so that nothing spans two
    /// blocks.
    pub text: String,
    /// Sorted, non-overlapping map from plain-text byte ranges to source byte ranges. Sorted in
    /// both coordinates; plain bytes outside every segment are block separators.
    pub segments: Vec<Segment>,
    /// One per prose block with text, in document order.
    pub blocks: Vec<Block>,
    /// Front matter facts, if the document starts with YAML (---) or TOML (+++) front matter.
    pub front_matter: FrontMatter,
    /// Every HTML comment in the source (block or inline), with its source range and its inner
    /// text trimmed (for later `<!-- openclaim-disable -->` suppression).
    pub comments: Vec<Comment>,
    /// Source ranges of shortcut and collapsed reference links (`[open source]`,
    /// `[open source][]`), sorted: their text is also the label that finds the link's
    /// definition, so it may be read but never changed, and a note goes after the link.
    pub label_links: Vec<Range<usize>>,
}

/// The longest document whose offsets the segment and block maps hold:
/// they are stored in 32 bits (see [`Span`]). [`super::prose`] gives a
/// longer one no prose, and [`crate::Engine`] reports it as an error.
pub const MAX_LEN: usize = u32::MAX as usize;

/// A byte range in 32 bits. The segment and block maps hold two ranges per
/// run of text and per paragraph, and on a long document they were a
/// quarter of the memory in 64-bit ranges; no document reaches
/// [`MAX_LEN`] (a longer one gets no map at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn new(r: Range<usize>) -> Span {
        Span {
            start: narrow(r.start),
            end: narrow(r.end),
        }
    }

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One run of plain text and the source bytes it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    plain: Span,
    src: Span,
    pub kind: SegmentKind,
    /// Inside link text: a replacement is possible, but an insertion belongs after the link.
    pub in_link: bool,
}

impl Segment {
    pub fn new(plain: Range<usize>, src: Range<usize>, kind: SegmentKind, in_link: bool) -> Self {
        Segment {
            plain: Span::new(plain),
            src: Span::new(src),
            kind,
            in_link,
        }
    }

    /// The plain-text bytes of the segment.
    pub fn plain(&self) -> Range<usize> {
        self.plain.range()
    }

    /// The source bytes the segment came from.
    pub fn src(&self) -> Range<usize> {
        self.src.range()
    }

    /// Lengthens the segment to end at `plain` in the text and `src` in the source.
    pub(super) fn extend_to(&mut self, plain: usize, src: usize) {
        self.plain.end = narrow(plain);
        self.src.end = narrow(src);
    }
}

/// How a segment's plain text relates to its source bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// Plain text is byte-identical to the source: offsets map 1:1.
    Verbatim,
    /// Entity- or escape-produced text: atomic, maps to its whole source range.
    Decoded,
    /// Soft or hard line break: one " " in plain text; not replaceable.
    Break,
    /// Inline code: a single U+FFFC in plain text so the words around it do not merge; never
    /// analysed, never replaced.
    Code,
}

/// A unit that sentences never cross.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    plain: Span,
    src: Span,
    pub kind: BlockKind,
    pub in_quote: bool,
    pub in_list: bool,
    pub in_footnote: bool,
}

impl Block {
    pub fn new(plain: Range<usize>, src: Range<usize>, kind: BlockKind) -> Self {
        Block {
            plain: Span::new(plain),
            src: Span::new(src),
            kind,
            in_quote: false,
            in_list: false,
            in_footnote: false,
        }
    }

    /// The block's plain text.
    pub fn plain(&self) -> Range<usize> {
        self.plain.range()
    }

    /// The source bytes of the block.
    pub fn src(&self) -> Range<usize> {
        self.src.range()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Paragraph,
    /// ATX or setext heading, level 1–6.
    Heading(u8),
    /// Text directly inside a tight list item (a loose item holds `Paragraph`s instead).
    ListItem,
    TableCell,
    TableHeaderCell,
    /// A paragraph of a footnote definition.
    FootnoteText,
    /// Inline text in any other container.
    Other,
}

/// An HTML comment: the source range covers `<!--` … `-->`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub src: Range<usize>,
    /// Inner text, trimmed, without `\r`.
    pub text: String,
}

impl Prose {
    /// Smallest source range covering the plain range (None if the plain range is empty, out of
    /// bounds, not on char boundaries, or covers no segment at all).
    ///
    /// Inside a Verbatim segment the ends map exactly; an end inside any other segment widens
    /// to that segment's whole source range, since its bytes cannot be split.
    pub fn to_src(&self, plain: Range<usize>) -> Option<Range<usize>> {
        if plain.start >= plain.end
            || !self.text.is_char_boundary(plain.start)
            || !self.text.is_char_boundary(plain.end)
        {
            return None;
        }
        let first = self
            .segments
            .partition_point(|s| s.plain().end <= plain.start);
        let past = self
            .segments
            .partition_point(|s| s.plain().start < plain.end);
        if first >= past {
            return None;
        }
        let a = self.segments.get(first)?;
        let b = self.segments.get(past - 1)?;
        let start = if a.kind == SegmentKind::Verbatim {
            a.src().start + plain.start.saturating_sub(a.plain().start)
        } else {
            a.src().start
        };
        let end = if b.kind == SegmentKind::Verbatim {
            b.src().start + (plain.end.min(b.plain().end) - b.plain().start)
        } else {
            b.src().end
        };
        Some(start..end)
    }

    /// Source offset for a plain offset that lies inside (or at either end of) a Verbatim
    /// segment.
    ///
    /// Where two segments meet, the one that *ends* there wins: an annotation after a word
    /// must go right after its last byte, before any markup gap (an escape's backslash, a
    /// container prefix) that follows.
    pub fn src_offset(&self, plain: usize) -> Option<usize> {
        if !self.text.is_char_boundary(plain) {
            return None;
        }
        let first = self.segments.partition_point(|s| s.plain().end < plain);
        self.segments
            .get(first..)?
            .iter()
            .take_while(|s| s.plain().start <= plain)
            .find(|s| s.kind == SegmentKind::Verbatim)
            .map(|s| s.src().start + (plain - s.plain().start))
    }

    /// True when the plain range is non-empty and lies inside ONE Verbatim segment, so the
    /// source bytes equal the plain bytes and may be replaced in place.
    pub fn replaceable(&self, plain: Range<usize>) -> bool {
        if plain.start >= plain.end
            || !self.text.is_char_boundary(plain.start)
            || !self.text.is_char_boundary(plain.end)
        {
            return false;
        }
        let i = self
            .segments
            .partition_point(|s| s.plain().end <= plain.start);
        self.segments.get(i).is_some_and(|s| {
            s.kind == SegmentKind::Verbatim
                && s.plain().start <= plain.start
                && plain.end <= s.plain().end
        })
    }

    /// The block that contains a plain offset; a block's end offset belongs to it, so a
    /// sentence that ends with its block still finds it.
    pub fn block_at(&self, plain: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.plain().end < plain);
        self.blocks.get(i).filter(|b| b.plain().start <= plain)
    }

    /// The shortcut or collapsed reference link that contains the source range, if any.
    pub fn label_link(&self, src: &Range<usize>) -> Option<Range<usize>> {
        let i = self.label_links.partition_point(|l| l.end <= src.start);
        self.label_links
            .get(i)
            .filter(|l| l.start <= src.start && src.end <= l.end)
            .cloned()
    }

    /// The segments that overlap a plain range, in order.
    pub fn segments_in(&self, plain: Range<usize>) -> &[Segment] {
        let first = self
            .segments
            .partition_point(|s| s.plain().end <= plain.start);
        let past = self
            .segments
            .partition_point(|s| s.plain().start < plain.end);
        self.segments.get(first..past).unwrap_or(&[])
    }
}

/// Checks every structural promise of [`Prose`] against the source it came from.
#[cfg(test)]
pub(crate) fn check_invariants(src: &str, p: &Prose) -> Result<(), String> {
    let text = &p.text;
    let mut prev: Option<&Segment> = None;
    for (i, s) in p.segments.iter().enumerate() {
        let plain = text
            .get(s.plain())
            .ok_or_else(|| format!("segment {i} plain {:?} out of bounds", s.plain()))?;
        let source = src
            .get(s.src())
            .ok_or_else(|| format!("segment {i} src {:?} out of bounds", s.src()))?;
        if plain.is_empty() {
            return Err(format!("segment {i} is empty"));
        }
        match s.kind {
            SegmentKind::Verbatim if plain != source => {
                return Err(format!("verbatim segment {i}: {plain:?} != {source:?}"));
            }
            SegmentKind::Break if plain != " " => return Err(format!("break {i}: {plain:?}")),
            SegmentKind::Code if plain != "\u{FFFC}" => {
                return Err(format!("code {i}: {plain:?}"));
            }
            _ => {}
        }
        if let Some(q) = prev {
            if q.plain().end > s.plain().start || q.src().end > s.src().start {
                return Err(format!("segments {} and {i} overlap or unsorted", i - 1));
            }
        }
        if p.to_src(s.plain()) != Some(s.src()) {
            return Err(format!(
                "to_src({:?}) = {:?}, want {:?}",
                s.plain(),
                p.to_src(s.plain()),
                s.src()
            ));
        }
        if p.replaceable(s.plain()) != (s.kind == SegmentKind::Verbatim) {
            return Err(format!("replaceable wrong for segment {i}"));
        }
        prev = Some(s);
    }
    // Blocks: sorted, non-empty, separated by exactly "\n\n", together holding every segment.
    let mut covered = 0;
    let mut seg = 0;
    for (i, b) in p.blocks.iter().enumerate() {
        if b.plain().start >= b.plain().end || src.get(b.src()).is_none() {
            return Err(format!("block {i} empty or out of bounds: {b:?}"));
        }
        let gap = text.get(covered..b.plain().start).unwrap_or("?");
        if (i == 0 && !gap.is_empty()) || (i > 0 && gap != "\n\n") {
            return Err(format!("bad separator before block {i}: {gap:?}"));
        }
        let mut end = b.plain().start;
        while let Some(s) = p.segments.get(seg) {
            if s.plain().start >= b.plain().end {
                break;
            }
            if s.plain().start != end || s.plain().end > b.plain().end {
                return Err(format!("segment {seg} does not tile block {i}"));
            }
            if s.src().start < b.src().start || s.src().end > b.src().end {
                return Err(format!("segment {seg} src outside block {i} src"));
            }
            end = s.plain().end;
            seg += 1;
        }
        if end != b.plain().end {
            return Err(format!("block {i} not tiled by segments"));
        }
        if p.block_at(b.plain().start) != Some(b) || p.block_at(b.plain().end) != Some(b) {
            return Err(format!("block_at misses block {i}"));
        }
        covered = b.plain().end;
    }
    if covered != text.len() || seg != p.segments.len() {
        return Err("text or segments outside blocks".to_owned());
    }
    for c in &p.comments {
        let s = src
            .get(c.src.clone())
            .ok_or_else(|| format!("comment {:?} out of bounds", c.src))?;
        if !s.starts_with("<!--") || !s.ends_with("-->") {
            return Err(format!("comment {s:?} is not a comment"));
        }
    }
    if let Some(r) = &p.front_matter.range {
        src.get(r.clone())
            .ok_or_else(|| format!("front matter {r:?} out of bounds"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built by hand, so the accessors are tested apart from the walker; every kind is present.
    fn sample() -> Prose {
        // src:   "ab &amp; cd\n`x` ef\n\ngh"
        //         0123456789012345678901
        // plain: "ab & cd \u{FFFC} ef\n\ngh"
        let seg =
            |plain: Range<usize>, src: Range<usize>, kind| Segment::new(plain, src, kind, false);
        Prose {
            text: "ab & cd \u{FFFC} ef\n\ngh".to_owned(),
            segments: vec![
                seg(0..3, 0..3, SegmentKind::Verbatim),
                seg(3..4, 3..8, SegmentKind::Decoded),
                seg(4..7, 8..11, SegmentKind::Verbatim),
                seg(7..8, 11..12, SegmentKind::Break),
                seg(8..11, 12..15, SegmentKind::Code),
                seg(11..14, 15..18, SegmentKind::Verbatim),
                seg(16..18, 20..22, SegmentKind::Verbatim),
            ],
            blocks: vec![
                Block::new(0..14, 0..18, BlockKind::Paragraph),
                Block::new(16..18, 20..22, BlockKind::Paragraph),
            ],
            ..Prose::default()
        }
    }

    #[test]
    fn sample_is_consistent() {
        let src = "ab &amp; cd\n`x` ef\n\ngh";
        check_invariants(src, &sample()).unwrap();
    }

    #[test]
    fn to_src_cases() {
        let p = sample();
        let cases: &[(Range<usize>, Option<Range<usize>>)] = &[
            (0..2, Some(0..2)),    // inside verbatim
            (1..4, Some(1..8)),    // ends in a decoded segment: widened
            (3..4, Some(3..8)),    // exactly the decoded segment
            (3..5, Some(3..9)),    // starts in decoded, ends in verbatim
            (6..9, None),          // not a char boundary (inside U+FFFC)
            (6..11, Some(10..15)), // over a break into code
            (12..17, Some(16..21)),
            (14..16, None), // only the separator
            (0..0, None),
            (17..30, None),
            (0..18, Some(0..22)),
        ];
        for (plain, want) in cases {
            assert_eq!(p.to_src(plain.clone()), *want, "to_src({plain:?})");
        }
    }

    #[test]
    fn src_offset_cases() {
        let p = sample();
        let cases: &[(usize, Option<usize>)] = &[
            (0, Some(0)),
            (2, Some(2)),
            (3, Some(3)), // end of "ab " wins over the decoded start
            (4, Some(8)), // start of " cd" after the decoded "&"
            (7, Some(11)),
            (8, None), // between break and code
            (9, None), // inside U+FFFC
            (11, Some(15)),
            (14, Some(18)),
            (15, None), // separator
            (16, Some(20)),
            (18, Some(22)),
            (19, None),
        ];
        for (plain, want) in cases {
            assert_eq!(p.src_offset(*plain), *want, "src_offset({plain})");
        }
    }

    #[test]
    fn replaceable_cases() {
        let p = sample();
        let cases: &[(Range<usize>, bool)] = &[
            (0..3, true),
            (0..4, false), // reaches into decoded
            (3..4, false),
            (4..7, true),
            (5..6, true),
            (6..8, false),
            (8..11, false),
            (11..14, true),
            (13..17, false), // crosses blocks
            (2..2, false),
            (16..18, true),
            (16..19, false),
        ];
        for (plain, want) in cases {
            assert_eq!(
                p.replaceable(plain.clone()),
                *want,
                "replaceable({plain:?})"
            );
        }
    }

    #[test]
    fn block_at_cases() {
        let p = sample();
        let cases: &[(usize, Option<Range<usize>>)] = &[
            (0, Some(0..14)),
            (14, Some(0..14)),
            (15, None),
            (16, Some(16..18)),
            (18, Some(16..18)),
            (99, None),
        ];
        for (plain, want) in cases {
            assert_eq!(
                p.block_at(*plain).map(|b| b.plain()),
                *want,
                "block_at({plain})"
            );
        }
    }

    #[test]
    fn segments_in_cases() {
        let p = sample();
        assert_eq!(p.segments_in(2..5).len(), 3);
        assert_eq!(p.segments_in(14..16).len(), 0);
        assert_eq!(p.segments_in(0..100).len(), 7);
        assert_eq!(p.segments_in(50..60).len(), 0);
    }
}
