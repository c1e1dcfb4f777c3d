//! Writes findings back into the article as annotations, and takes them out
//! again.
//!
//! The article is never re-rendered: annotations are inserted at byte offsets
//! and everything else is copied, so that an editor's diff shows only what
//! the tool added, and so that [`strip`] can give back the original byte for
//! byte (`strip(&render(x, ..)) == x` for every `x` that holds no annotation
//! yet). Running the tool twice is `render(&strip(y), ..)`.
//!
//! # Formats
//!
//! Every annotation carries the word `openclaim` and a check value `CHECK`
//! (six hex digits hashed from the annotation's own term, replacement and
//! comment), which is what separates it from an editor's own CriticMarkup,
//! footnotes and comments, and from a person quoting the format.
//!
//! | style | with a replacement | without |
//! |---|---|---|
//! | [`Style::Critic`] | `{~~TERM~>REPL~~}{>>openclaim#CHECK: COMMENT<<}` | `TERM{>>openclaim#CHECK: COMMENT<<}` |
//! | [`Style::Comment`] | `TERM<!-- openclaim#CHECK: COMMENT -->` | same |
//! | [`Style::Footnote`] | `TERM[^openclaim-N-CHECK]` + definition | same |
//!
//! The footnote style appends a trailer after a blank line, in the
//! document's own line ending (EOL):
//!
//! ```text
//! EOL                                  (only if the document lacked a final newline)
//! EOL
//! <!-- openclaim-footnotes -->EOL     (or `<!-- openclaim-footnotes no-final-newline -->`)
//! [^openclaim-1-CHECK]: openclaim: COMMENT EOL
//! [^openclaim-2-CHECK]: openclaim: COMMENT EOL
//! ```
//!
//! The marker line tells [`strip`] whether the document ended with a line
//! ending, so that exactly the added bytes are removed.
//!
//! # Where annotations go
//!
//! Right after the term, in running text only: never in code, HTML, math,
//! front matter, URLs, link destinations, wiki links or MDX (the analysis
//! does not read those). A term that is the label of a shortcut or collapsed
//! reference link (`[open source]` with a `[open source]: …` definition) is
//! the whole link: the note goes after its `]` and nothing is replaced.
//! [`strip`] removes an annotation only in those places and only when its
//! check value matches.
//!
//! # Fallbacks
//!
//! - Critic, replacement given, but the term contains a byte that delimits
//!   annotations (`{}[]<>~`, a line ending) or follows a backslash: the term
//!   is kept and only the comment (which states the suggestion) is inserted.
//! - Footnote, after a term that ends with `]` (a reference link) or before
//!   a `[` (an editor's footnote): the note is an HTML comment, since
//!   `[label][^…]` or `[^…][^1]` could read as a link.
//! - Footnote, when the trailer would change the document's blocks (an
//!   unclosed code fence, `<pre>`, `<!--` … at the end): the whole document
//!   is rendered in the Comment style instead.
//! - An annotation that `strip` would not find again in the result (the
//!   insertion changed the Markdown around it, e.g. a comment's `-->` after
//!   an unclosed `<!--`) takes the next form that does round-trip: a
//!   substitution, a CriticMarkup comment, an HTML comment. Only where no
//!   form does is it left out; see [`render`].

mod guard;
mod strip;
mod structure;
mod style;

#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

pub use self::strip::{count, is_annotated, strip};
pub use self::structure::{block_structure, parser_options};

use self::style::{
    line_ending, push_critic_comment, push_footnote_ref, push_html_comment, push_substitution,
    push_trailer, sanitize, with_suggestion,
};

/// How annotations are written into the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// CriticMarkup, the editorial convention that Obsidian, MultiMarkdown,
    /// Pandoc filters and iA Writer understand; shows the suggested wording.
    #[default]
    Critic,
    /// GFM footnotes: reads like a source note to anyone who views the page.
    Footnote,
    /// HTML comments: invisible once rendered, for articles that must go
    /// out as they are.
    Comment,
}

impl Style {
    /// Every style, in the order the CLI lists them.
    pub const ALL: [Style; 3] = [Style::Critic, Style::Footnote, Style::Comment];

    /// The name used on the command line and in configuration files.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Style::Critic => "critic",
            Style::Footnote => "footnote",
            Style::Comment => "comment",
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown style name; its message lists the valid ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseStyleError {
    given: String,
}

impl fmt::Display for ParseStyleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown annotation style \"{}\"; expected one of: critic, footnote, comment",
            self.given
        )
    }
}

impl std::error::Error for ParseStyleError {}

impl FromStr for Style {
    type Err = ParseStyleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Style::ALL
            .into_iter()
            .find(|style| style.name() == s)
            .ok_or_else(|| ParseStyleError {
                given: s.to_owned(),
            })
    }
}

/// One finding, as far as the renderer needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Source byte range of the claim term (e.g. "open-source"). Always on char boundaries, inside one line.
    pub term: Range<usize>,
    /// Suggested wording that may replace the term in place; None when the term must not be rewritten
    /// (then only a comment is inserted after it).
    pub replacement: Option<String>,
    /// One-line explanation in the article's language, e.g. "Llama 3.2 is geen open source: ...". The renderer
    /// sanitises it (see [`render`]).
    pub comment: String,
}

/// Inserts the annotations into `src` and returns the annotated copy.
///
/// Annotations must be sorted by `term.start` and must not overlap; one
/// that starts before the previous one ended is skipped rather than
/// panicking, so that one bad finding cannot stop a batch. For the same
/// reason an annotation is skipped, rather than risk an unstrippable or
/// structure-changing insertion, when its term is empty, out of bounds, off a
/// char boundary, is only whitespace, or ends with a backslash (an insertion
/// there would change what the backslash escapes). A term may span a line
/// ending (a claim across a soft break); it is then never replaced.
///
/// Comments and replacements are sanitised so they can neither close the
/// annotation nor become Markdown: whitespace runs (tabs, line breaks)
/// become one space; `{[` → `(`, `}]` → `)`, `<` → `‹`, `>` → `›`,
/// `|` and `\` → `/`, backtick → `'`, `~` → `≈`, `$` → `＄`, `_` → space,
/// `*` is dropped, and leading `#`, `=`, `+`, `-` are removed.
///
/// The result is checked: if [`strip`] would not give `src` back (an
/// insertion next to unusual Markdown changed how the text around it
/// parses), each annotation takes the first form that round-trips on its
/// own (see the module's fallbacks), one with no such form is left out, and
/// if the combination still does not round-trip, `src` is returned
/// unchanged. The article is
/// never damaged to make room for a note.
///
/// The block structure (see [`block_structure`]) is unchanged as long as
/// every term lies inside the text of a block, as claim terms do; the
/// footnote style checks this for its trailer and falls back to comments.
#[must_use]
pub fn render(src: &str, annotations: &[Annotation], style: Style) -> String {
    let accepted = accepted(src, annotations);
    if accepted.is_empty() {
        return src.to_owned();
    }
    let first: Vec<Placed> = accepted
        .iter()
        .map(|&(ann, term)| Placed {
            ann,
            form: Form::preferred(src, ann, term, style),
        })
        .collect();
    let out = render_placed(src, &first);
    if strip(&out) == src {
        return out;
    }
    // Some insertion changed the Markdown around it (an unclosed `<!--`
    // that a comment's `-->` would close, a bracket that a footnote
    // reference would pair with, …): give each annotation the first form
    // that round-trips on its own, so a claim loses its note only when no
    // form at all can be inserted there.
    let alone: Vec<Placed> = accepted
        .iter()
        .zip(&first)
        .filter_map(|(&(ann, term), placed)| {
            placed
                .form
                .with_fallbacks(src, ann, term)
                .into_iter()
                .map(|form| Placed { ann, form })
                .find(|p| strip(&render_placed(src, std::slice::from_ref(p))) == src)
        })
        .collect();
    if alone.is_empty() {
        return src.to_owned();
    }
    let out = render_placed(src, &alone);
    if strip(&out) == src {
        return out;
    }
    // Each form works alone but not together (a footnote trailer that a
    // reference elsewhere now pairs with, …): the same notes without the
    // trailer, then as CriticMarkup comments only.
    for uniform in [Form::HtmlComment, Form::CriticComment] {
        let same: Vec<Placed> = alone
            .iter()
            .map(|p| Placed {
                ann: p.ann,
                form: if p.form == Form::FootnoteRef {
                    uniform
                } else {
                    p.form
                },
            })
            .collect();
        let out = render_placed(src, &same);
        if strip(&out) == src {
            return out;
        }
    }
    src.to_owned()
}

/// The byte form one annotation takes in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `{~~TERM~>REPL~~}{>>…<<}`.
    Substitution,
    /// `TERM{>>…<<}`.
    CriticComment,
    /// `TERM<!-- … -->`.
    HtmlComment,
    /// `TERM[^openclaim-N-CHECK]` plus a trailer definition.
    FootnoteRef,
}

impl Form {
    /// The form the style asks for at this place.
    fn preferred(src: &str, ann: &Annotation, term: &str, style: Style) -> Form {
        match style {
            Style::Critic
                if ann.replacement.is_some() && substitution_safe(src, ann.term.start, term) =>
            {
                Form::Substitution
            }
            Style::Critic => Form::CriticComment,
            Style::Comment => Form::HtmlComment,
            // `[label][^openclaim-…]` and `[^openclaim-…][next]` could read
            // as a reference link: there the note is an HTML comment.
            Style::Footnote => {
                let next_is_bracket = src.get(ann.term.end..).is_some_and(|r| r.starts_with('['));
                if term.ends_with(']') || next_is_bracket {
                    Form::HtmlComment
                } else {
                    Form::FootnoteRef
                }
            }
        }
    }

    /// This form, then the others in the order they disturb Markdown least:
    /// a CriticMarkup comment holds no `<`…`>` pair that could open or close
    /// HTML, an HTML comment holds no bracket or brace.
    fn with_fallbacks(self, src: &str, ann: &Annotation, term: &str) -> Vec<Form> {
        let mut forms = vec![self];
        if ann.replacement.is_some() && substitution_safe(src, ann.term.start, term) {
            forms.push(Form::Substitution);
        }
        forms.extend([Form::CriticComment, Form::HtmlComment]);
        let mut seen = Vec::with_capacity(forms.len());
        forms.retain(|f| {
            let new = !seen.contains(f);
            seen.push(*f);
            new
        });
        forms
    }
}

/// An annotation with the form it takes.
#[derive(Debug, Clone, Copy)]
struct Placed<'a> {
    ann: &'a Annotation,
    form: Form,
}

/// The annotations that will be rendered, with the term text of each.
fn accepted<'s, 'a>(src: &'s str, annotations: &'a [Annotation]) -> Vec<(&'a Annotation, &'s str)> {
    let mut kept = Vec::with_capacity(annotations.len());
    let mut last_end = 0;
    for ann in annotations {
        let Range { start, end } = ann.term;
        if start < last_end || start >= end {
            continue;
        }
        let Some(term) = src.get(start..end) else {
            continue;
        };
        if term.trim().is_empty() || term.ends_with('\\') {
            continue;
        }
        last_end = end;
        kept.push((ann, term));
    }
    kept
}

/// Whether the term can be moved inside `{~~…~>`: it must not contain a
/// delimiter (strip could not find its ends) nor lose the backslash before
/// it (that backslash would then escape `{` instead, e.g. unescaping a `|`).
fn substitution_safe(src: &str, start: usize, term: &str) -> bool {
    !term.bytes().any(style::is_delimiter)
        && !src
            .get(..start)
            .is_some_and(|before| before.ends_with('\\'))
}

/// Writes every annotation in its form; footnote references get their
/// trailer, and if that trailer would change the document's blocks (an
/// unclosed code fence, `<pre>`, `<!--` … at the end) they become HTML
/// comments instead.
fn render_placed(src: &str, placed: &[Placed]) -> String {
    let (mut out, notes) = render_inline(src, placed);
    if notes.is_empty() {
        return out;
    }
    let trailer_at = push_trailer(&mut out, &notes, line_ending(src), src.ends_with('\n'));
    let trailer = out.get(trailer_at..).unwrap_or_default();
    let kept = structure::block_events(&out)
        .eq(structure::block_events(src).chain(structure::block_events(trailer)));
    if kept {
        return out;
    }
    let comments: Vec<Placed> = placed
        .iter()
        .map(|p| Placed {
            ann: p.ann,
            form: if p.form == Form::FootnoteRef {
                Form::HtmlComment
            } else {
                p.form
            },
        })
        .collect();
    render_inline(src, &comments).0
}

/// The text with every annotation inserted, and the footnote notes in the
/// order of their references.
fn render_inline(src: &str, placed: &[Placed]) -> (String, Vec<String>) {
    let mut out = String::with_capacity(src.len() + placed.len() * 96);
    let mut notes = Vec::new();
    let mut pos = 0;
    for p in placed {
        let Range { start, end } = p.ann.term;
        let term = src.get(start..end).unwrap_or_default();
        out.push_str(src.get(pos..start).unwrap_or_default());
        let replacement = p.ann.replacement.as_deref();
        match p.form {
            Form::Substitution => {
                let r = replacement.unwrap_or(term);
                push_substitution(&mut out, term, &sanitize(r), &sanitize(&p.ann.comment));
            }
            Form::CriticComment => {
                out.push_str(term);
                push_critic_comment(&mut out, &with_suggestion(&p.ann.comment, replacement));
            }
            Form::HtmlComment => {
                out.push_str(term);
                push_html_comment(&mut out, &with_suggestion(&p.ann.comment, replacement));
            }
            Form::FootnoteRef => {
                out.push_str(term);
                notes.push(with_suggestion(&p.ann.comment, replacement));
                push_footnote_ref(
                    &mut out,
                    notes.len(),
                    notes.last().map_or("", String::as_str),
                );
            }
        }
        pos = end;
    }
    out.push_str(src.get(pos..).unwrap_or_default());
    (out, notes)
}
