//! One pass over pulldown-cmark's offset events, building [`Prose`].
//!
//! Offsets are taken only from event ranges, never computed from decoded text (an entity or an
//! escape makes decoded text shorter than its source). Whatever no prose event claims (escape
//! backslashes, container prefixes, emphasis markers, link destinations) stays in the gaps
//! between segments, where nothing can be replaced.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::comments::Scanner;
use super::prose::{Block, BlockKind, Prose, Segment, SegmentKind};

/// The placeholder for inline code: one character, so the words around it stay apart.
const CODE: &str = "\u{FFFC}";

/// The container a lazily opened block belongs to; it decides that block's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    List,
    Item,
    Footnote,
    Other,
}

/// The block whose text is being collected.
#[derive(Debug)]
struct Open {
    kind: BlockKind,
    src: Range<usize>,
    /// Tight-item text has no block event of its own, so its source range grows with its
    /// segments.
    lazy: bool,
    /// Set when the first segment arrives, so blocks without text leave no trace (and no
    /// separator) in the plain text.
    plain_start: Option<usize>,
    in_quote: bool,
    in_list: bool,
    in_footnote: bool,
}

struct Walker<'s> {
    body: &'s str,
    /// Added to every body offset: the BOM and the front matter that were cut off.
    base: usize,
    out: Prose,
    comments: Scanner,
    containers: Vec<Container>,
    quotes: u32,
    lists: u32,
    footnotes: u32,
    /// Depth of regions whose text is never prose: code blocks, HTML blocks, metadata, images
    /// (alt text), autolinks.
    hidden: u32,
    links: u32,
    /// One entry per open link: true when it was hidden (an autolink or e-mail link).
    link_stack: Vec<bool>,
    table_head: bool,
    open: Option<Open>,
    /// Text that is not prose although the parser says it is (see [`super::opaque`]), in body
    /// offsets.
    opaque: Vec<Range<usize>>,
}

/// Walks `body` (the document after any BOM and front matter) and appends to `out`; `base` is
/// the source offset of `body`.
pub(crate) fn walk(body: &str, base: usize, options: pulldown_cmark::Options, out: Prose) -> Prose {
    walk_in_pieces(body, base, options, out, super::chunks::PIECE)
}

/// [`walk`], cutting `body` into pieces of at least `piece` bytes where that changes no event.
pub(crate) fn walk_in_pieces(
    body: &str,
    base: usize,
    options: pulldown_cmark::Options,
    out: Prose,
    piece: usize,
) -> Prose {
    let mut w = Walker {
        body,
        base,
        out,
        comments: Scanner::default(),
        containers: Vec::with_capacity(8),
        quotes: 0,
        lists: 0,
        footnotes: 0,
        hidden: 0,
        links: 0,
        link_stack: Vec::with_capacity(4),
        table_head: false,
        open: None,
        opaque: super::opaque::ranges(body),
    };
    // A long body is parsed in pieces that give the same events (see [`super::chunks`]), so
    // the parser's tree never holds more than one piece.
    for piece in super::chunks::pieces(body, piece) {
        let Some(text) = body.get(piece.clone()) else {
            continue;
        };
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            w.event(event, range.start + piece.start..range.end + piece.start);
        }
    }
    w.boundary();
    w.out
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.hidden == 0 {
                    self.text(&text, range);
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                if self.hidden == 0 {
                    self.push(SegmentKind::Code, range, CODE);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                // A break before any text (e.g. after a leading image) would only add a space.
                if self.hidden == 0 && self.open.as_ref().is_some_and(|o| o.plain_start.is_some()) {
                    self.push(SegmentKind::Break, range, " ");
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                if let Some(piece) = self.body.get(range.clone()) {
                    self.comments
                        .feed(piece, range.start + self.base, &mut self.out.comments);
                }
            }
            Event::Rule => self.boundary(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                let kind = if self.containers.last() == Some(&Container::Footnote) {
                    BlockKind::FootnoteText
                } else {
                    BlockKind::Paragraph
                };
                self.open_block(kind, range, false);
            }
            Tag::Heading { level, .. } => {
                self.open_block(BlockKind::Heading(level as u8), range, false)
            }
            Tag::TableCell => {
                let kind = if self.table_head {
                    BlockKind::TableHeaderCell
                } else {
                    BlockKind::TableCell
                };
                self.open_block(kind, range, false);
            }
            Tag::TableHead => {
                self.boundary();
                self.table_head = true;
            }
            Tag::Table(_) | Tag::TableRow => self.boundary(),
            Tag::BlockQuote(_) => {
                self.boundary();
                self.quotes += 1;
                self.containers.push(Container::Quote);
            }
            Tag::List(_) => {
                self.boundary();
                self.lists += 1;
                self.containers.push(Container::List);
            }
            Tag::Item => {
                self.boundary();
                self.containers.push(Container::Item);
            }
            Tag::FootnoteDefinition(_) => {
                self.boundary();
                self.footnotes += 1;
                self.containers.push(Container::Footnote);
            }
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.boundary();
                self.containers.push(Container::Other);
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.boundary();
                self.hidden += 1;
            }
            Tag::Image { .. } => self.hidden += 1,
            Tag::Link { link_type, .. } => {
                if matches!(
                    link_type,
                    LinkType::Shortcut
                        | LinkType::Collapsed
                        | LinkType::ShortcutUnknown
                        | LinkType::CollapsedUnknown
                ) {
                    self.out
                        .label_links
                        .push(range.start + self.base..range.end + self.base);
                }
                // An autolink's URL arrives as Text, but it is an address, not prose.
                let hide = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.link_stack.push(hide);
                if hide {
                    self.hidden += 1;
                } else {
                    self.links += 1;
                }
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.boundary(),
            TagEnd::TableHead => {
                self.boundary();
                self.table_head = false;
            }
            TagEnd::Table | TagEnd::TableRow => self.boundary(),
            TagEnd::BlockQuote(_) => {
                self.boundary();
                self.quotes = self.quotes.saturating_sub(1);
                self.containers.pop();
            }
            TagEnd::List(_) => {
                self.boundary();
                self.lists = self.lists.saturating_sub(1);
                self.containers.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.boundary();
                self.footnotes = self.footnotes.saturating_sub(1);
                self.containers.pop();
            }
            TagEnd::Item
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {
                self.boundary();
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.boundary();
                self.hidden = self.hidden.saturating_sub(1);
            }
            TagEnd::Image => self.hidden = self.hidden.saturating_sub(1),
            TagEnd::Link => match self.link_stack.pop() {
                Some(true) => self.hidden = self.hidden.saturating_sub(1),
                Some(false) => self.links = self.links.saturating_sub(1),
                None => {}
            },
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        // A range that does not slice the body cannot be mapped back; drop it, never guess.
        let Some(source) = self.body.get(range.clone()) else {
            return;
        };
        let first = self.opaque.partition_point(|o| o.end <= range.start);
        if self.opaque.get(first).is_some_and(|o| o.start < range.end) {
            self.text_around_opaque(source == text, range, first);
            return;
        }
        if source == text {
            self.push(SegmentKind::Verbatim, range, source);
        } else {
            self.push(SegmentKind::Decoded, range, text);
        }
    }

    /// A text event that overlaps opaque ranges (starting with `self.opaque[first]`): each
    /// opaque part becomes one placeholder, like inline code; decoded text cannot be split and
    /// is hidden whole.
    fn text_around_opaque(&mut self, verbatim: bool, range: Range<usize>, first: usize) {
        if !verbatim {
            self.push(SegmentKind::Code, range, CODE);
            return;
        }
        let mut pos = range.start;
        let mut i = first;
        while let Some(o) = self.opaque.get(i).filter(|o| o.start < range.end).cloned() {
            if o.start > pos {
                let plain = self.body.get(pos..o.start).unwrap_or_default().to_owned();
                self.push(SegmentKind::Verbatim, pos..o.start, &plain);
            }
            let hidden = o.start.max(pos)..o.end.min(range.end);
            self.push(SegmentKind::Code, hidden.clone(), CODE);
            pos = hidden.end;
            i += 1;
        }
        if pos < range.end {
            let plain = self.body.get(pos..range.end).unwrap_or_default().to_owned();
            self.push(SegmentKind::Verbatim, pos..range.end, &plain);
        }
    }

    /// Ends the open block (if any) and forgets an unclosed HTML comment.
    fn boundary(&mut self) {
        self.comments.reset();
        let Some(open) = self.open.take() else {
            return;
        };
        if let Some(start) = open.plain_start {
            let mut block = Block::new(start..self.out.text.len(), open.src, open.kind);
            block.in_quote = open.in_quote;
            block.in_list = open.in_list;
            block.in_footnote = open.in_footnote;
            self.out.blocks.push(block);
        }
    }

    fn open_block(&mut self, kind: BlockKind, range: Range<usize>, lazy: bool) {
        self.boundary();
        self.open = Some(Open {
            kind,
            src: range.start + self.base..range.end + self.base,
            lazy,
            plain_start: None,
            in_quote: self.quotes > 0,
            in_list: self.lists > 0,
            in_footnote: self.footnotes > 0,
        });
    }

    /// Appends one segment; `range` is in body offsets.
    fn push(&mut self, kind: SegmentKind, range: Range<usize>, plain: &str) {
        if plain.is_empty() || self.body.get(range.clone()).is_none() {
            return;
        }
        let src = range.start + self.base..range.end + self.base;
        // The map must stay sorted in source order too; pulldown-cmark has never been seen to
        // go backwards, but if it did, dropping the text is safer than a crossed map.
        if self
            .out
            .segments
            .last()
            .is_some_and(|last| src.start < last.src().end)
        {
            return;
        }
        if self.open.is_none() {
            // Inline content outside any block event: a tight list item's text, or the like.
            let kind = match self.containers.last() {
                Some(Container::Item) => BlockKind::ListItem,
                Some(Container::Footnote) => BlockKind::FootnoteText,
                _ => BlockKind::Other,
            };
            self.open_block(kind, range.start..range.start, true);
        }
        let Some(open) = self.open.as_mut() else {
            return;
        };
        match open.plain_start {
            None => {
                if !self.out.text.is_empty() {
                    self.out.text.push_str("\n\n");
                }
                open.plain_start = Some(self.out.text.len());
                if open.lazy {
                    open.src = src.clone();
                }
            }
            Some(_) if open.lazy => open.src.end = src.end,
            Some(_) => {}
        }
        let start = self.out.text.len();
        self.out.text.push_str(plain);
        let in_link = self.links > 0;
        // Runs of text that pulldown-cmark splits at bytes that turned out to be
        // plain ("[", "*", "!") continue the previous segment: the map then grows
        // with the markup, not with the text (10 MiB of "[" is one segment, not
        // ten million).
        if let Some(last) = self.out.segments.last_mut() {
            if kind == SegmentKind::Verbatim
                && last.kind == SegmentKind::Verbatim
                && last.in_link == in_link
                && last.plain().end == start
                && last.src().end == src.start
            {
                last.extend_to(self.out.text.len(), src.end);
                return;
            }
        }
        self.out
            .segments
            .push(Segment::new(start..self.out.text.len(), src, kind, in_link));
    }
}

#[cfg(test)]
mod tests {
    use super::super::prose::check_invariants;
    use super::super::{prose, BlockKind, Prose, SegmentKind};
    use BlockKind::*;

    /// A block as (kind, plain text, flags), flags being `q`uote, `l`ist, `f`ootnote.
    fn blocks(p: &Prose) -> Vec<(BlockKind, &str, String)> {
        p.blocks
            .iter()
            .map(|b| {
                let mut flags = String::new();
                for (on, c) in [(b.in_quote, 'q'), (b.in_list, 'l'), (b.in_footnote, 'f')] {
                    if on {
                        flags.push(c);
                    }
                }
                (b.kind, &p.text[b.plain()], flags)
            })
            .collect()
    }

    fn checked(src: &str) -> Prose {
        let p = prose(src);
        if let Err(e) = check_invariants(src, &p) {
            panic!("{e}\nsource: {src:?}\nprose: {p:#?}");
        }
        p
    }

    #[test]
    fn documents() {
        // (name, source, expected blocks)
        type Case = (
            &'static str,
            &'static str,
            &'static [(BlockKind, &'static str, &'static str)],
        );
        let cases: &[Case] = &[
            ("empty", "", &[]),
            ("blank", "\n \n\t\n", &[]),
            (
                "entity",
                "Llama &amp; Mistral",
                &[(Paragraph, "Llama & Mistral", "")],
            ),
            (
                "escape",
                "Llama\\-3 is open",
                &[(Paragraph, "Llama-3 is open", "")],
            ),
            (
                "nbsp",
                "open&nbsp;source",
                &[(Paragraph, "open\u{a0}source", "")],
            ),
            ("numeric entity", "it&#39;s", &[(Paragraph, "it's", "")]),
            (
                "split text",
                "open [source and *open source",
                &[(Paragraph, "open [source and *open source", "")],
            ),
            (
                "soft break",
                "open\nsource",
                &[(Paragraph, "open source", "")],
            ),
            (
                "hard break spaces",
                "open  \nsource",
                &[(Paragraph, "open source", "")],
            ),
            (
                "hard break backslash",
                "open\\\nsource",
                &[(Paragraph, "open source", "")],
            ),
            (
                "crlf",
                "open\r\nsource\r\n\r\nNext  \r\npara\\\r\nend\r\n",
                &[
                    (Paragraph, "open source", ""),
                    (Paragraph, "Next para end", ""),
                ],
            ),
            ("bom", "\u{FEFF}Hello", &[(Paragraph, "Hello", "")]),
            (
                "quote lazy",
                "> open\nsource\n> model",
                &[(Paragraph, "open source model", "q")],
            ),
            (
                "nested lists",
                "- a one\n  - b two\n    - c three\n- d four",
                &[
                    (ListItem, "a one", "l"),
                    (ListItem, "b two", "l"),
                    (ListItem, "c three", "l"),
                    (ListItem, "d four", "l"),
                ],
            ),
            (
                "loose list",
                "- a\n\n  b\n- c",
                &[
                    (Paragraph, "a", "l"),
                    (Paragraph, "b", "l"),
                    (Paragraph, "c", "l"),
                ],
            ),
            (
                "list in quote",
                "> - a\n>   b\n> c",
                &[(ListItem, "a b c", "ql")],
            ),
            (
                "task list",
                "- [x] done open\n- [ ] todo",
                &[(ListItem, "done open", "l"), (ListItem, "todo", "l")],
            ),
            (
                "table",
                "| Model | License |\n|---|:-:|\n| Llama \\| 3 | open |\n| | x |",
                &[
                    (TableHeaderCell, "Model", ""),
                    (TableHeaderCell, "License", ""),
                    (TableCell, "Llama | 3", ""),
                    (TableCell, "open", ""),
                    (TableCell, "x", ""),
                ],
            ),
            (
                "footnote",
                "Text[^1].\n\n[^1]: Open source\n    note.\n\n    Second.",
                &[
                    (Paragraph, "Text.", ""),
                    (FootnoteText, "Open source note.", "f"),
                    (FootnoteText, "Second.", "f"),
                ],
            ),
            (
                "link",
                "[open source](https://example.com/open-source \"open\") model",
                &[(Paragraph, "open source model", "")],
            ),
            (
                "reference link and definition",
                "[x]: /open-source \"Open source\"\n\n[open][x] [y]\n\n[y]: <u>",
                &[(Paragraph, "open y", "")],
            ),
            (
                "autolink",
                "see <https://open-source.example> now",
                &[(Paragraph, "see  now", "")],
            ),
            (
                "email autolink",
                "mail <a@open.source>!",
                &[(Paragraph, "mail !", "")],
            ),
            (
                "image",
                "An ![open source logo](x.png \"open\") here",
                &[(Paragraph, "An  here", "")],
            ),
            ("only image", "![open source](x.png)", &[]),
            (
                "image in link",
                "[![open](i.png) source](u)",
                &[(Paragraph, " source", "")],
            ),
            (
                "inline code",
                "use `open source` now",
                &[(Paragraph, "use \u{FFFC} now", "")],
            ),
            (
                "html block",
                "<div>\nopen source\n</div>\n\ntext",
                &[(Paragraph, "text", "")],
            ),
            (
                "inline html",
                "open <b>source</b>",
                &[(Paragraph, "open source", "")],
            ),
            (
                "code fence",
                "```\nopen source\n```\n\n~~~md\nmore\n~~~\n\nafter",
                &[(Paragraph, "after", "")],
            ),
            (
                "indented code",
                "    open source\n\nafter",
                &[(Paragraph, "after", "")],
            ),
            (
                "headings",
                "# One #\n\nTwo\n===\n\nThree\n---\n\n###### Six",
                &[
                    (Heading(1), "One", ""),
                    (Heading(1), "Two", ""),
                    (Heading(2), "Three", ""),
                    (Heading(6), "Six", ""),
                ],
            ),
            ("only front matter", "---\nlang: en\n---\n", &[]),
            (
                "mid-document dashes are not metadata",
                "Intro\n\n---\nSection text\n---\n\nmore",
                &[
                    (Paragraph, "Intro", ""),
                    (Heading(2), "Section text", ""),
                    (Paragraph, "more", ""),
                ],
            ),
            (
                "emphasis and strikethrough",
                "open-*source* ~~closed~~ **model**",
                &[(Paragraph, "open-source closed model", "")],
            ),
            (
                "heading in list item",
                "- # Title\n  text",
                &[(Heading(1), "Title", "l"), (ListItem, "text", "l")],
            ),
            (
                "thematic break",
                "a\n\n***\n\nb",
                &[(Paragraph, "a", ""), (Paragraph, "b", "")],
            ),
        ];
        for (name, src, expected) in cases {
            let p = checked(src);
            let got = blocks(&p);
            let want: Vec<(BlockKind, &str, String)> = expected
                .iter()
                .map(|(k, t, f)| (*k, *t, (*f).to_owned()))
                .collect();
            assert_eq!(got, want, "case {name}: {src:?}");
        }
    }

    /// Each segment as (kind, plain, source slice).
    fn segs(src: &str) -> Vec<(SegmentKind, String, String)> {
        let p = checked(src);
        p.segments
            .iter()
            .map(|s| {
                (
                    s.kind,
                    p.text[s.plain()].to_owned(),
                    src[s.src()].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn segment_kinds() {
        use SegmentKind::*;
        type Case = (
            &'static str,
            &'static [(SegmentKind, &'static str, &'static str)],
        );
        let cases: &[Case] = &[
            (
                "Llama &amp; Mistral",
                &[
                    (Verbatim, "Llama ", "Llama "),
                    (Decoded, "&", "&amp;"),
                    (Verbatim, " Mistral", " Mistral"),
                ],
            ),
            (
                "Llama\\-3 is",
                &[(Verbatim, "Llama", "Llama"), (Verbatim, "-3 is", "-3 is")],
            ),
            (
                "a&nbsp;b",
                &[
                    (Verbatim, "a", "a"),
                    (Decoded, "\u{a0}", "&nbsp;"),
                    (Verbatim, "b", "b"),
                ],
            ),
            (
                "a\nb",
                &[
                    (Verbatim, "a", "a"),
                    (Break, " ", "\n"),
                    (Verbatim, "b", "b"),
                ],
            ),
            (
                "a\r\nb",
                &[
                    (Verbatim, "a", "a"),
                    (Break, " ", "\r\n"),
                    (Verbatim, "b", "b"),
                ],
            ),
            (
                "a   \nb",
                &[
                    (Verbatim, "a", "a"),
                    (Break, " ", "   \n"),
                    (Verbatim, "b", "b"),
                ],
            ),
            (
                "a\\\r\nb",
                &[
                    (Verbatim, "a", "a"),
                    (Break, " ", "\\\r\n"),
                    (Verbatim, "b", "b"),
                ],
            ),
            (
                "a `b` c",
                &[
                    (Verbatim, "a ", "a "),
                    (Code, "\u{FFFC}", "`b`"),
                    (Verbatim, " c", " c"),
                ],
            ),
            (
                "| a \\| b |\n|-|",
                &[(Verbatim, "a ", "a "), (Verbatim, "| b", "| b")],
            ),
            (
                // pulldown-cmark splits the text at "[" and "*"; plain bytes on both
                // sides make one run again.
                "open [source and *open source",
                &[(
                    Verbatim,
                    "open [source and *open source",
                    "open [source and *open source",
                )],
            ),
            (
                "open [source](https://x.test) and *open* source",
                &[
                    (Verbatim, "open ", "open "),
                    (Verbatim, "source", "source"),
                    (Verbatim, " and ", " and "),
                    (Verbatim, "open", "open"),
                    (Verbatim, " source", " source"),
                ],
            ),
        ];
        for (src, expected) in cases {
            let want: Vec<_> = expected
                .iter()
                .map(|(k, a, b)| (*k, (*a).to_owned(), (*b).to_owned()))
                .collect();
            assert_eq!(segs(src), want, "source {src:?}");
        }
    }

    #[test]
    fn escape_gap_is_not_replaceable() {
        let src = "Llama\\-3 is open";
        let p = checked(src);
        let find = |s: &str| {
            let i = p.text.find(s).unwrap();
            i..i + s.len()
        };
        assert!(p.replaceable(find("Llama")));
        assert!(!p.replaceable(find("Llama-3")));
        assert_eq!(p.to_src(find("Llama-3")), Some(0..8));
        assert!(p.replaceable(find("is open")));
        assert_eq!(p.to_src(find("is open")), Some(9..16));
        assert_eq!(p.src_offset(find("Llama").end), Some(5));
    }

    #[test]
    fn link_text_without_destination() {
        let src = "See [open source](https://example.com/open-source).";
        let p = checked(src);
        assert_eq!(p.text, "See open source.");
        let link: Vec<_> = p.segments.iter().filter(|s| s.in_link).collect();
        assert_eq!(link.len(), 1);
        assert_eq!(&src[link[0].src()], "open source");
        assert!(!p.segments.iter().any(|s| src[s.src()].contains("example")));
    }

    #[test]
    fn offsets_after_bom_and_front_matter() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("\u{FEFF}---\nlang: nl\ndate: 2024-10-03\n---\nOpen source model", Some("nl"), Some("2024-10-03")),
            ("\u{FEFF}+++\r\nlang = \"en\"\r\ndate = 2024-09-01T12:00:00Z\r\n+++\r\nOpen source model", Some("en"), Some("2024-09-01")),
            ("---\r\nlanguage: 'de'\r\n---\r\n\r\nOpen source model\r\n", Some("de"), None),
        ];
        for (src, lang, date) in cases {
            let p = checked(src);
            assert_eq!(p.front_matter.lang.as_deref(), *lang, "{src:?}");
            assert_eq!(p.front_matter.date.as_deref(), *date, "{src:?}");
            let fm = p.front_matter.range.clone().unwrap();
            assert!(src[fm.clone()].starts_with("---") || src[fm.clone()].starts_with("+++"));
            assert!(src[fm.clone()].ends_with("---") || src[fm.clone()].ends_with("+++"));
            assert_eq!(p.text, "Open source model");
            let body = src.find("Open").unwrap();
            assert_eq!(p.blocks[0].src().start, body);
            assert_eq!(p.src_offset(0), Some(body));
        }
        let p = checked("\u{FEFF}---\nlang: en\n---");
        assert_eq!(p.front_matter.range, Some(3..19));
        assert!(p.text.is_empty() && p.blocks.is_empty());
    }

    #[test]
    fn comments_are_recorded() {
        let src = "<!-- openclaim-disable -->\n\nOpen <!-- openclaim-disable --> source\n\n\
                   > <!-- multi\n> line -->\n\n<div><!-- in div --></div>\n\n\
                   `<!-- not a comment -->`\n\n```\n<!-- nor this -->\n```\n";
        let p = checked(src);
        let got: Vec<(&str, &str)> = p
            .comments
            .iter()
            .map(|c| (&src[c.src.clone()], c.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("<!-- openclaim-disable -->", "openclaim-disable"),
                ("<!-- openclaim-disable -->", "openclaim-disable"),
                ("<!-- multi\n> line -->", "multi\nline"),
                ("<!-- in div -->", "in div"),
            ]
        );
        assert!(p.text.starts_with("Open  source"));
    }

    #[test]
    fn crlf_html_comment_block() {
        let src = "<!--\r\nopenclaim-disable\r\n-->\r\nOpen source\r\n";
        let p = checked(src);
        assert_eq!(p.comments.len(), 1);
        assert_eq!(p.comments[0].src, 0..28);
        assert_eq!(p.comments[0].text, "openclaim-disable");
        assert_eq!(p.text, "Open source");
    }

    #[test]
    fn blocks_are_separated() {
        let p = checked("# Title\n\nOne.\n\n- two\n- three");
        assert_eq!(p.text, "Title\n\nOne.\n\ntwo\n\nthree");
        assert_eq!(
            p.block_at(p.text.find("One").unwrap()).unwrap().kind,
            Paragraph
        );
        assert_eq!(
            p.block_at(p.text.find("three").unwrap()).unwrap().kind,
            ListItem
        );
    }
}
