//! Text that CommonMark reads as prose but an article's readers do not:
//! bare URLs and `www.` addresses (autolinks in GFM and on most sites),
//! `$…$` and `$$…$$` math, `[[wiki links]]`, and MDX's `export`/`import`
//! lines and `{/* comments */}`.
//!
//! pulldown-cmark hands all of them over as ordinary text, so they are found
//! here by their spelling. Nothing in them is analysed, and nothing is ever
//! inserted into them: an annotation inside an address breaks the link, one
//! inside math breaks the formula, one inside a wiki link points it at a
//! page that does not exist. When in doubt a range is taken to be opaque:
//! hiding a few words costs less than damaging a link.

use std::ops::Range;

/// The spellings an opaque range starts from, found with SIMD searches
/// (seven `str` searches were a quarter of the time spent on an archive's
/// mostly claim-free articles), in three groups: the three that open with a
/// byte prose rarely holds (`:`, `[`, `{`), found in one pass for those
/// bytes; the addresses, one search each; and MDX's ESM keywords, which
/// count only at the start of a line and are looked for there ("export "
/// and "import " are common words in prose).
const MARKERS: [&str; 7] = ["://", "[[", "{/*", "www.", "WWW.", "export ", "import "];
const SEARCHED: usize = 3;
const AT_LINE_START: usize = 5;

/// Where each of [`MARKERS`] occurs in a text, every occurrence (a "[[" inside
/// "[[[" included), in text order per marker; "export " and "import " only at
/// the start of a line.
struct Markers {
    at: [Vec<usize>; MARKERS.len()],
}

impl Markers {
    fn find(body: &str) -> Markers {
        let mut at: [Vec<usize>; MARKERS.len()] = Default::default();
        let hay = body.as_bytes();
        for i in memchr::memchr3_iter(b':', b'[', b'{', hay) {
            let rest = hay.get(i..).unwrap_or_default();
            for (list, marker) in at.iter_mut().zip(MARKERS).take(SEARCHED) {
                if rest.starts_with(marker.as_bytes()) {
                    list.push(i);
                }
            }
        }
        let searched = at.iter_mut().zip(MARKERS).take(AT_LINE_START);
        for (list, marker) in searched.skip(SEARCHED) {
            // Overlapping occurrences, as a search from each previous one + 1.
            let finder = memchr::memmem::Finder::new(marker.as_bytes());
            let mut from = 0;
            while let Some(i) = hay.get(from..).and_then(|h| finder.find(h)) {
                list.push(from + i);
                from += i + 1;
            }
        }
        let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', hay).map(|i| i + 1));
        for start in line_starts {
            let line = hay.get(start..).unwrap_or_default();
            // Most lines start with neither keyword's letter.
            if !matches!(line.first(), Some(b'e' | b'i')) {
                continue;
            }
            for (list, marker) in at.iter_mut().zip(MARKERS).skip(AT_LINE_START) {
                if line.starts_with(marker.as_bytes()) {
                    list.push(start);
                }
            }
        }
        Markers { at }
    }

    fn of(&self, marker: &str) -> &[usize] {
        MARKERS
            .iter()
            .position(|&m| m == marker)
            .and_then(|i| self.at.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The first occurrence of `marker` at or after `from`.
    fn next(&self, marker: &str, from: usize) -> Option<usize> {
        let list = self.of(marker);
        list.get(list.partition_point(|&i| i < from)).copied()
    }
}

/// The opaque ranges of `body`, sorted and non-overlapping.
pub fn ranges(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let markers = Markers::find(body);
    urls(body, &markers, &mut out);
    math(body, &mut out);
    wiki_links(body, &markers, &mut out);
    mdx(body, &markers, &mut out);
    if out.len() > 1 {
        out.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
        for r in out {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        out = merged;
    }
    out
}

/// True when a byte before a URL lets it start there (GFM: the start of a
/// line, whitespace, or one of `*_~(`; anything that is not a letter or a
/// digit here, to be safe).
fn url_may_start_after(body: &str, at: usize) -> bool {
    body.get(..at)
        .and_then(|b| b.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

fn urls(body: &str, markers: &Markers, out: &mut Vec<Range<usize>>) {
    let b = body.as_bytes();
    let mut starts = Vec::new();
    for &i in markers.of("://") {
        // Back over the scheme's letters.
        let scheme = b.get(..i).map_or(0, |h| {
            h.iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
                .count()
        });
        if scheme > 0 {
            starts.push(i - scheme);
        }
    }
    starts.extend_from_slice(markers.of("www."));
    starts.extend_from_slice(markers.of("WWW."));
    // In text order, and a start inside an address already taken is part
    // of it: each byte is scanned once however many "://" a token holds.
    starts.sort_unstable();
    let mut covered = 0;
    for start in starts {
        if start < covered || !url_may_start_after(body, start) {
            continue;
        }
        let rest = b.get(start..).unwrap_or_default();
        let mut len = rest
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'<')
            .unwrap_or(rest.len());
        let address = rest.get(..len).unwrap_or_default();
        let mut opening = address.iter().filter(|&&c| c == b'(').count();
        let mut closing = address.iter().filter(|&&c| c == b')').count();
        // Trailing punctuation belongs to the sentence, as in GFM.
        while len > 0 {
            let last = rest.get(len - 1).copied().unwrap_or(b' ');
            let unbalanced_paren = last == b')' && opening < closing;
            if matches!(
                last,
                b'.' | b',' | b':' | b';' | b'!' | b'?' | b'"' | b'\'' | b'*' | b'_' | b'~'
            ) || unbalanced_paren
            {
                len -= 1;
                match last {
                    b'(' => opening -= 1,
                    b')' => closing -= 1,
                    _ => {}
                }
            } else {
                break;
            }
        }
        // Keep ranges on char boundaries: everything stopped at is ASCII,
        // but a cut could still land inside a multi-byte character.
        while len > 0 && !body.is_char_boundary(start + len) {
            len -= 1;
        }
        if len > 4 {
            out.push(start..start + len);
            covered = start + len;
        }
    }
}

/// `$$…$$` anywhere (display math may span lines), and `$…$` on one line
/// with Pandoc's rule against currency: the opening `$` is followed by a
/// non-space, the closing one follows a non-space and is not followed by a
/// digit ("$5 and $10" is no formula).
fn math(body: &str, out: &mut Vec<Range<usize>>) {
    let b = body.as_bytes();
    if memchr::memchr(b'$', b).is_none() {
        return;
    }
    let escaped = |i: usize| {
        let slashes = b
            .get(..i)
            .map_or(0, |h| h.iter().rev().take_while(|&&c| c == b'\\').count());
        slashes % 2 == 1
    };
    let mut i = 0;
    // Once a `$$` finds no closing `$$`, none after it can: no second search.
    let mut display_closes = true;
    // The end of the line on which a `$` found no closing `$`: a later `$`
    // on that line cannot find one either (any closer for it would have
    // closed the earlier one).
    let mut no_close_until = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'$', r)) {
        let open = i + p;
        if escaped(open) {
            i = open + 1;
            continue;
        }
        if b.get(open + 1) == Some(&b'$') {
            let from = open + 2;
            match body
                .get(from..)
                .filter(|_| display_closes)
                .and_then(|r| r.find("$$"))
            {
                Some(q) => {
                    out.push(open..from + q + 2);
                    i = from + q + 2;
                }
                None => {
                    display_closes = false;
                    i = from;
                }
            }
            continue;
        }
        let starts_formula = b.get(open + 1).is_some_and(|c| !c.is_ascii_whitespace());
        if !starts_formula || open < no_close_until {
            i = open + 1;
            continue;
        }
        let mut j = open + 1;
        let mut close = None;
        while let Some(&c) = b.get(j) {
            if c == b'\n' {
                break;
            }
            if c == b'$'
                && !escaped(j)
                && b.get(j - 1).is_some_and(|p| !p.is_ascii_whitespace())
                && !b.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                close = Some(j);
                break;
            }
            j += 1;
        }
        match close {
            Some(c) => {
                out.push(open..c + 1);
                i = c + 1;
            }
            None => {
                no_close_until = j;
                i = open + 1;
            }
        }
    }
}

/// `[[…]]` on one line.
fn wiki_links(body: &str, markers: &Markers, out: &mut Vec<Range<usize>>) {
    let mut from = 0;
    while let Some(open) = markers.next("[[", from) {
        // One scan to the first "]]" or the end of the line, whichever comes
        // first; with no "]]" on the line no "[[" after this one closes
        // either, so the search goes on from the next line.
        let rest = body.as_bytes().get(open + 2..).unwrap_or_default();
        let mut k = 0;
        let mut close = None;
        while let Some(&c) = rest.get(k) {
            if c == b'\n' {
                break;
            }
            if c == b']' && rest.get(k + 1) == Some(&b']') {
                close = Some(k);
                break;
            }
            k += 1;
        }
        match close {
            Some(q) => {
                out.push(open..open + 2 + q + 2);
                from = open + 2 + q + 2;
            }
            None => from = open + 2 + k,
        }
    }
}

/// MDX: `{/* … */}` comments, and ESM lines (`export const …`,
/// `import … from …`) at the start of a line, up to the next blank line.
fn mdx(body: &str, markers: &Markers, out: &mut Vec<Range<usize>>) {
    let mut from = 0;
    while let Some(open) = markers.next("{/*", from) {
        match body.get(open + 3..).and_then(|r| r.find("*/}")) {
            Some(q) => {
                out.push(open..open + 3 + q + 3);
                from = open + 3 + q + 3;
            }
            // No "*/}" after this one: none after a later "{/*" either.
            None => break,
        }
    }
    for word in ["export ", "import "] {
        // A line inside a block already taken is part of it.
        let mut covered = 0;
        for &i in markers.of(word) {
            let at_line_start = i == 0 || body.as_bytes().get(i - 1) == Some(&b'\n');
            if !at_line_start || i < covered {
                continue;
            }
            let line_end = body
                .get(i..)
                .and_then(|r| r.find('\n'))
                .map_or(body.len(), |e| i + e);
            let line = body.get(i..line_end).unwrap_or_default();
            if !is_esm(line) {
                continue;
            }
            // An ESM block ends at the first blank line.
            let mut end = line_end;
            while end < body.len() {
                let next_end = body
                    .get(end + 1..)
                    .and_then(|r| r.find('\n'))
                    .map_or(body.len(), |e| end + 1 + e);
                let next = body.get(end + 1..next_end).unwrap_or_default();
                if next.trim().is_empty() {
                    break;
                }
                end = next_end;
            }
            out.push(i..end);
            covered = end;
        }
    }
}

/// An MDX ESM statement, not a sentence that starts with "export" or
/// "import".
fn is_esm(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix("export ") {
        [
            "const ",
            "let ",
            "var ",
            "function ",
            "default ",
            "async ",
            "class ",
            "{",
            "*",
        ]
        .iter()
        .any(|k| rest.trim_start().starts_with(k))
    } else if let Some(rest) = line.strip_prefix("import ") {
        rest.contains(" from ") || rest.starts_with(['\'', '"', '{', '*'])
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::{ranges, Markers, AT_LINE_START, MARKERS};
    use proptest::prelude::*;

    /// Every occurrence of every marker, byte by byte; the line-start ones
    /// only at a line start.
    fn naive(body: &str) -> Vec<Vec<usize>> {
        let b = body.as_bytes();
        MARKERS
            .iter()
            .enumerate()
            .map(|(k, m)| {
                (0..b.len())
                    .filter(|&i| b[i..].starts_with(m.as_bytes()))
                    .filter(|&i| k < AT_LINE_START || i == 0 || b[i - 1] == b'\n')
                    .collect()
            })
            .collect()
    }

    proptest! {
        #[test]
        fn markers_are_found_wherever_they_stand(
            picks in proptest::collection::vec(0..14usize, 0..60),
        ) {
            const PIECES: &[&str] = &[
                ":", "//", "www", "WWW", ".", "[", "{", "/*", "export ", "import ", "\n", "e",
                "i", "x",
            ];
            let body: String = picks.iter().map(|&k| PIECES[k]).collect();
            let found: Vec<Vec<usize>> = Markers::find(&body).at.to_vec();
            prop_assert_eq!(found, naive(&body));
        }
    }

    fn opaque(src: &str) -> Vec<&str> {
        ranges(src).into_iter().map(|r| &src[r]).collect()
    }

    #[test]
    fn urls_end_where_the_sentence_resumes() {
        assert_eq!(
            opaque("See https://example.com/llama-3-is-open-source/. It is."),
            ["https://example.com/llama-3-is-open-source/"]
        );
        assert_eq!(
            opaque("(www.example.org/open-source)"),
            ["www.example.org/open-source"]
        );
        assert_eq!(opaque("Lees ftp://x.nl/a_b, en"), ["ftp://x.nl/a_b"]);
        assert!(opaque("the open-source www").is_empty());
        assert!(opaque("xwww.example.com").is_empty());
    }

    #[test]
    fn math_but_not_money() {
        assert_eq!(opaque("a $x + open source$ b"), ["$x + open source$"]);
        assert_eq!(opaque("$$\nopen source\n$$"), ["$$\nopen source\n$$"]);
        assert!(opaque("It costs $5 and $10 to run open source.").is_empty());
        assert!(opaque("an escaped \\$x$ sign").is_empty());
    }

    #[test]
    fn wiki_links_and_mdx() {
        assert_eq!(
            opaque("[[Llama 3 is open source]] x"),
            ["[[Llama 3 is open source]]"]
        );
        assert_eq!(
            opaque("export const claim = 'open source'\nnext\n\nProse."),
            ["export const claim = 'open source'\nnext"]
        );
        assert_eq!(opaque("a {/* open source */} b"), ["{/* open source */}"]);
        assert!(opaque("export restrictions apply to open source.").is_empty());
        assert!(opaque("We import open source.").is_empty());
        // An ESM block runs to the next blank line.
        assert_eq!(
            opaque("Prose\nimport X from 'y'\nexported text\n\nMore."),
            ["import X from 'y'\nexported text"]
        );
        assert_eq!(opaque("See WWW.EXAMPLE.ORG."), ["WWW.EXAMPLE.ORG"]);
        // The link closes at the first "]]".
        assert_eq!(opaque("a [[[Llama]]] b"), ["[[[Llama]]"]);
    }
}
