//! The byte formats of the three styles, and the sanitiser that keeps
//! caller text from breaking them.
//!
//! Every format is built from the constants below and nothing else, so that
//! `strip.rs` can recognise exactly what was written here. The grammar that
//! `strip` accepts rests on one rule: the text between the fixed parts of an
//! annotation never contains a [delimiter byte](is_delimiter). Every
//! annotation starts with a delimiter (`{`, `<`, `[`) and ends with one (`}`,
//! `>`, `]`), so an annotation can never be read as part of the text around
//! it, nor the text around it as part of an annotation.

/// The word every annotation carries: a text without it needs no stripping.
pub(crate) const MARKER: &str = "openclaim";

/// Opens the CriticMarkup comment; the marker tells it from an editor's note.
/// The check value and [`CHECK_END`] follow.
pub(crate) const CRITIC_OPEN: &str = "{>>openclaim#";
pub(crate) const CRITIC_CLOSE: &str = "<<}";
pub(crate) const SUB_OPEN: &str = "{~~";
pub(crate) const SUB_ARROW: &str = "~>";
pub(crate) const SUB_CLOSE: &str = "~~}";

/// `openclaim#` with its check value, so suppression comments such as
/// `<!-- openclaim-disable -->` are never taken for annotations.
pub(crate) const HTML_OPEN: &str = "<!-- openclaim#";
pub(crate) const HTML_CLOSE: &str = " -->";

/// Ends the check value in a comment: `{>>openclaim#1a2b3c: COMMENT<<}`.
pub(crate) const CHECK_END: &str = ": ";
/// Hex digits in a check value.
pub(crate) const CHECK_LEN: usize = 6;

/// A footnote label is `openclaim-N-CHECK`.
pub(crate) const REF_OPEN: &str = "[^openclaim-";
pub(crate) const REF_CLOSE: &str = "]";

/// Starts a footnote trailer appended to a document that ended with a line
/// ending: only the separating blank line and what follows were added.
pub(crate) const TRAILER_MARKER: &str = "<!-- openclaim-footnotes -->";
/// Starts a footnote trailer appended to a document that did not end with a
/// line ending: the line ending that closed its last line was added too.
pub(crate) const TRAILER_MARKER_NO_EOL: &str = "<!-- openclaim-footnotes no-final-newline -->";
/// What both trailer markers start with, for a single backward search.
pub(crate) const TRAILER_PREFIX: &str = "<!-- openclaim-footnotes";
/// Follows the label in a footnote definition.
pub(crate) const DEF_OPEN: &str = "]: openclaim: ";

/// What a check value vouches for; each kind hashes differently, so the
/// value of one kind of annotation never validates another.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// `{~~TERM~>REPLACEMENT~~}{>>…: COMMENT<<}`: term, replacement, comment.
    Substitution,
    /// `{>>…: COMMENT<<}` after the term: the comment.
    Critic,
    /// `<!-- …: COMMENT -->` after the term: the comment.
    Html,
    /// `[^openclaim-N-CHECK]` and its definition: the number and the note.
    Footnote,
}

/// The check value of an annotation: six hex digits of a hash (64-bit
/// FNV-1a, folded) over its kind and its variable parts.
///
/// It is what lets `strip` remove exactly what `render` wrote: a person who
/// quotes the format, writes `{>>openclaim: …<<}` by hand or edits the text
/// inside an annotation leaves a value that does not match, and the text is
/// kept. It is no protection against someone forging values on purpose,
/// which nobody needs to do to keep their own text.
pub(crate) fn check_value(kind: Kind, parts: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = OFFSET;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    eat(&[kind as u8]);
    for part in parts {
        // Length-prefixed, so that moving bytes from one part to the next
        // changes the value.
        eat(&(part.len() as u64).to_le_bytes());
        eat(part.as_bytes());
    }
    let folded = (h ^ (h >> 24) ^ (h >> 48)) & 0x00ff_ffff;
    format!("{folded:06x}")
}

/// Bytes that may never occur inside the variable parts of an annotation.
///
/// Every annotation starts and ends with one, and every fixed part after a
/// variable part contains one, so a variable part always ends at the next
/// delimiter; line endings are included to keep annotations on one line.
/// All are ASCII, so a byte position found by looking for one is always a
/// char boundary.
pub(crate) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'{' | b'}' | b'[' | b']' | b'<' | b'>' | b'~' | b'\r' | b'\n'
    )
}

/// Makes caller text safe to put inside any annotation.
///
/// Besides the delimiters, it removes what Markdown could read as structure
/// (table pipes, code spans, emphasis, escapes) and what could start a block
/// (leading `#`, `=`, `+`, `-`). Replacements are chosen to keep the text
/// readable: brackets become parentheses, angle brackets guillemets.
pub(crate) fn sanitize(text: &str) -> String {
    let mut mapped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '[' => mapped.push('('),
            '}' | ']' => mapped.push(')'),
            '<' => mapped.push('‹'),
            '>' => mapped.push('›'),
            '|' | '\\' => mapped.push('/'),
            '`' => mapped.push('\''),
            '~' => mapped.push('≈'),
            // `$` could pair with one in the text around it and become math.
            '$' => mapped.push('＄'),
            '_' => mapped.push(' '),
            '*' => {}
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => mapped.push(' '),
            c => mapped.push(c),
        }
    }
    let mut clean = String::with_capacity(mapped.len());
    for word in mapped.split_whitespace() {
        if !clean.is_empty() {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    let mut clean = clean
        .trim_start_matches(|c: char| matches!(c, '#' | '=' | '+' | '-') || c.is_whitespace())
        .to_owned();
    // A replacement such as "gesloten " for "opensource-" in "opensource-alternatief"
    // needs its trailing space to keep the words apart.
    if !clean.is_empty() && text.ends_with(' ') {
        clean.push(' ');
    }
    clean
}

/// `{~~TERM~>REPLACEMENT~~}{>>openclaim#CHECK: COMMENT<<}`. The term is
/// copied as it is, so the caller must have checked that it holds no
/// delimiter; `replacement` and `comment` must come from [`sanitize`].
pub(crate) fn push_substitution(out: &mut String, term: &str, replacement: &str, comment: &str) {
    out.push_str(SUB_OPEN);
    out.push_str(term);
    out.push_str(SUB_ARROW);
    out.push_str(replacement);
    out.push_str(SUB_CLOSE);
    let check = check_value(Kind::Substitution, &[term, replacement, comment]);
    push_comment(out, CRITIC_OPEN, &check, comment, CRITIC_CLOSE);
}

/// `{>>openclaim#CHECK: COMMENT<<}`, inserted after the term; `comment` must
/// come from [`sanitize`].
pub(crate) fn push_critic_comment(out: &mut String, comment: &str) {
    let check = check_value(Kind::Critic, &[comment]);
    push_comment(out, CRITIC_OPEN, &check, comment, CRITIC_CLOSE);
}

/// `<!-- openclaim#CHECK: COMMENT -->`, inserted after the term; `comment`
/// must come from [`sanitize`].
pub(crate) fn push_html_comment(out: &mut String, comment: &str) {
    let check = check_value(Kind::Html, &[comment]);
    push_comment(out, HTML_OPEN, &check, comment, HTML_CLOSE);
}

fn push_comment(out: &mut String, open: &str, check: &str, comment: &str, close: &str) {
    out.push_str(open);
    out.push_str(check);
    out.push_str(CHECK_END);
    out.push_str(comment);
    out.push_str(close);
}

/// The label of footnote `n` with the note `note`: `openclaim-N-CHECK`
/// without the `[^`, i.e. what follows [`REF_OPEN`] up to the `]`.
pub(crate) fn footnote_label(n: usize, note: &str) -> String {
    let number = n.to_string();
    let check = check_value(Kind::Footnote, &[&number, note]);
    format!("{number}-{check}")
}

/// `[^openclaim-N-CHECK]`, inserted after the term.
pub(crate) fn push_footnote_ref(out: &mut String, n: usize, note: &str) {
    out.push_str(REF_OPEN);
    out.push_str(&footnote_label(n, note));
    out.push_str(REF_CLOSE);
}

/// The sanitised comment for places where the replacement cannot be shown
/// as a substitution. The caller's comment already states the suggestion in
/// the article's language, so no wording is added here.
pub(crate) fn with_suggestion(comment: &str, _replacement: Option<&str>) -> String {
    sanitize(comment)
}

/// Appends the footnote trailer: separator, marker line and one definition
/// line per note, every line ended with `eol`.
///
/// `notes` holds the definition texts from [`with_suggestion`], numbered
/// from 1.
/// Returns the offset in `out` where the marker line starts, i.e. where the
/// trailer's own blocks begin.
pub(crate) fn push_trailer(
    out: &mut String,
    notes: &[String],
    eol: &str,
    had_final_newline: bool,
) -> usize {
    out.push_str(eol);
    let marker = if had_final_newline {
        TRAILER_MARKER
    } else {
        out.push_str(eol);
        TRAILER_MARKER_NO_EOL
    };
    let start = out.len();
    out.push_str(marker);
    out.push_str(eol);
    for (i, note) in notes.iter().enumerate() {
        out.push_str(REF_OPEN);
        out.push_str(&footnote_label(i + 1, note));
        out.push_str(DEF_OPEN);
        out.push_str(note);
        out.push_str(eol);
    }
    start
}

/// The line ending the trailer uses: the document's first one.
pub(crate) fn line_ending(src: &str) -> &'static str {
    match src.find('\n') {
        Some(i) if i > 0 && src.as_bytes().get(i - 1) == Some(&b'\r') => "\r\n",
        _ => "\n",
    }
}
