//! Where an annotation may stand: in the running text of a paragraph,
//! heading, list item or table cell, and nowhere the reader sees something
//! else.
//!
//! `render` only ever inserts there, so `strip` only ever removes there. A
//! look-alike inside inline code, a code block, HTML, math, front matter, a
//! URL, a link destination, a reference link's label, a wiki link or MDX is
//! text that a person wrote (an article about this tool, a style guide that
//! quotes its output) and is kept byte for byte, whatever it looks like.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::style::HTML_OPEN;
use crate::markdown;

/// The protected ranges of one document and the ranges that hold running
/// text, both sorted and merged.
pub(crate) struct Guard {
    protected: Vec<Range<usize>>,
    text: Vec<Range<usize>>,
}

/// An open link: its range, whether all of it is protected, and where its
/// last piece of text ended (the destination follows).
struct OpenLink {
    range: Range<usize>,
    whole: bool,
    text_end: usize,
}

impl Guard {
    pub(crate) fn new(src: &str) -> Guard {
        let start = markdown::body_start(src);
        let body = src.get(start..).unwrap_or_default();
        let mut protected: Vec<Range<usize>> = Vec::new();
        let mut text = Vec::new();
        if start > 0 {
            protected.push(0..start);
        }
        let mut links: Vec<OpenLink> = Vec::new();
        for (event, r) in Parser::new_ext(body, markdown::body_options()).into_offset_iter() {
            let r = r.start + start..r.end + start;
            let is_link_start = matches!(event, Event::Start(Tag::Link { .. }));
            match event {
                Event::Start(
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::Item
                    | Tag::TableCell
                    | Tag::FootnoteDefinition(_)
                    | Tag::DefinitionListTitle
                    | Tag::DefinitionListDefinition,
                ) => text.push(r.clone()),
                Event::Start(
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Image { .. },
                )
                | Event::Code(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_) => protected.push(r.clone()),
                Event::InlineHtml(ref html) | Event::Html(ref html)
                    if !html.starts_with(HTML_OPEN) =>
                {
                    protected.push(r.clone());
                }
                Event::Start(Tag::Link { link_type, .. }) => {
                    let whole = !matches!(link_type, LinkType::Inline | LinkType::Reference);
                    links.push(OpenLink {
                        range: r.clone(),
                        whole,
                        text_end: r.start,
                    });
                }
                Event::End(TagEnd::Link) => {
                    if let Some(link) = links.pop() {
                        let from = if link.whole {
                            link.range.start
                        } else {
                            link.text_end
                        };
                        protected.push(from..link.range.end);
                        if let Some(outer) = links.last_mut() {
                            outer.text_end = outer.text_end.max(link.range.end);
                        }
                    }
                }
                _ => {}
            }
            if !is_link_start {
                if let Some(link) = links.last_mut() {
                    if r.end <= link.range.end {
                        link.text_end = link.text_end.max(r.end);
                    }
                }
            }
        }
        protected.extend(
            markdown::opaque::ranges(body)
                .into_iter()
                .map(|o| o.start + start..o.end + start),
        );
        Guard {
            protected: merged(protected),
            text: merged(text),
        }
    }

    /// True when an annotation may occupy `range`: it starts in running
    /// text and touches nothing protected.
    pub(crate) fn allows(&self, range: &Range<usize>) -> bool {
        let i = self.text.partition_point(|t| t.end <= range.start);
        let in_text = self
            .text
            .get(i)
            .is_some_and(|t| t.start <= range.start && range.end <= t.end);
        let j = self.protected.partition_point(|p| p.end <= range.start);
        let touches = self.protected.get(j).is_some_and(|p| p.start < range.end);
        in_text && !touches
    }
}

fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
