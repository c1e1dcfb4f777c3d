//! The block-level shape of a document, used to prove that annotating it
//! changed no block.
//!
//! Annotations are inline text, so the promise is only about blocks: inline
//! tags (emphasis, links) may legitimately change around an inserted
//! CriticMarkup span, while a paragraph turning into a heading, a table
//! losing a column or a code fence swallowing the rest of the document would
//! be damage.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The parser options the structure guarantee is stated for: the GFM
/// extensions a news article may use, plus front matter.
#[must_use]
pub fn parser_options() -> Options {
    crate::markdown::options()
}

/// The sequence of block-level events of `src`, one string each (e.g.
/// `Start(Heading(H1))`, `Start(FootnoteDefinition("1"))`, `End(Paragraph)`,
/// `Rule`).
///
/// Public so that any test can state "the annotated document has the same
/// blocks as the original" as a plain `assert_eq!` with a readable diff.
/// Strings are written out by hand rather than with `Debug`, which would
/// also show how pulldown-cmark happened to store a label.
#[must_use]
pub fn block_structure(src: &str) -> Vec<String> {
    block_events(src).map(|e| describe(&e)).collect()
}

fn describe(event: &Event<'_>) -> String {
    match event {
        Event::Start(Tag::Heading { level, .. }) => format!("Start(Heading({level:?}))"),
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
            format!("Start(CodeBlock(Fenced({:?})))", &**info)
        }
        Event::Start(Tag::FootnoteDefinition(label)) => {
            format!("Start(FootnoteDefinition({:?}))", &**label)
        }
        Event::DisplayMath(_) => "DisplayMath".to_owned(),
        other => format!("{other:?}"),
    }
}

/// The block-level events themselves, compared without formatting where
/// speed matters (the footnote check runs on every footnote render).
///
/// A leading byte order mark is skipped: pulldown-cmark would read it as
/// text, turning a first-line heading into a paragraph, which is not how
/// any editor or site reads the file.
pub(crate) fn block_events(src: &str) -> impl Iterator<Item = Event<'_>> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    Parser::new_ext(src, parser_options()).filter(is_block_event)
}

fn is_block_event(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => is_block_tag(tag),
        Event::End(tag) => is_block_end(*tag),
        Event::Rule | Event::TaskListMarker(_) | Event::DisplayMath(_) => true,
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::Html(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak => false,
    }
}

// Exhaustive matches, so that a pulldown-cmark upgrade that adds a tag fails
// to compile here instead of silently leaving it out of the comparison.
fn is_block_tag(tag: &Tag<'_>) -> bool {
    match tag {
        Tag::Paragraph
        | Tag::Heading { .. }
        | Tag::BlockQuote(_)
        | Tag::CodeBlock(_)
        | Tag::HtmlBlock
        | Tag::List(_)
        | Tag::Item
        | Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::Table(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::MetadataBlock(_) => true,
        Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::Image { .. } => false,
    }
}

fn is_block_end(tag: TagEnd) -> bool {
    match tag {
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::BlockQuote(_)
        | TagEnd::CodeBlock
        | TagEnd::HtmlBlock
        | TagEnd::List(_)
        | TagEnd::Item
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::Table
        | TagEnd::TableHead
        | TagEnd::TableRow
        | TagEnd::TableCell
        | TagEnd::MetadataBlock(_) => true,
        TagEnd::Emphasis
        | TagEnd::Strong
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript
        | TagEnd::Link
        | TagEnd::Image => false,
    }
}
