//! Whether a claim term stands inside a direct quotation. An editor may not
//! change what a person said, so a quoted claim gets an explanation and
//! never a replacement.

/// True when byte offset `at` of `block` (the text of one paragraph or
/// heading, in plain-text form) lies between an opening and a closing
/// quotation mark. Double quotes (straight, curly, low-9 and guillemets)
/// count whatever their length; single quotes count only when they open
/// after a space and close before one, so apostrophes ("Meta's",
/// "zo'n") never open a quotation.
pub fn inside_quotation(block: &str, at: usize) -> bool {
    QuoteScan::default().inside(0, block, at)
}

/// The quotation state of one block carried forward from term to term:
/// the state after a character depends only on the text before it and the
/// character after it, so terms asked about in text order cost one pass
/// over their block together, not one pass each from its start.
#[derive(Debug, Default)]
pub struct QuoteScan {
    /// The block scanned (its start in the plain text), None before the first.
    block: Option<usize>,
    /// How far into the block the state below holds.
    pos: usize,
    double: Option<char>,
    single: bool,
}

/// A byte that may start a quotation mark: `"`, `'`, or the first byte of
/// `“ ” „ ‘ ’` (0xE2) or `« »` (0xC2). Every other byte is passed over
/// without decoding its character.
fn may_quote(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xE2 | 0xC2)
}

/// A quotation mark, which may open or close a quotation.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '”' | '»' | '‘' | '\'' | '’')
}

impl QuoteScan {
    /// The state after the mark `c`, between the characters `prev` and `next`.
    fn mark(&mut self, c: char, prev: Option<char>, next: Option<char>) {
        let opens_word = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes_word =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        let double = self.double;
        match c {
            '"' => self.double = if double.is_some() { None } else { Some(c) },
            '“' | '„' | '«' if double.is_none() => self.double = Some(c),
            // „…“ closes with the mark English opens with.
            '“' if double == Some('„') => self.double = None,
            '”' | '»' if double.is_some() => self.double = None,
            // Dutch also writes ”…” with the same mark on both sides.
            '”' if opens_word => self.double = Some(c),
            '‘' | '\'' if !self.single && opens_word => self.single = true,
            '’' | '\'' if self.single && closes_word => self.single = false,
            _ => {}
        }
    }

    /// [`inside_quotation`] for `at` in `block`, which starts at
    /// `block_start` of the plain text; a new block, or an offset before the
    /// last one asked about, starts the scan again.
    pub fn inside(&mut self, block_start: usize, block: &str, at: usize) -> bool {
        if block.get(..at).is_none() {
            return false;
        }
        if self.block != Some(block_start) || at < self.pos {
            *self = QuoteScan {
                block: Some(block_start),
                ..QuoteScan::default()
            };
        }
        let bytes = block.as_bytes();
        let mut i = self.pos;
        while let Some(q) = bytes
            .get(i..at)
            .and_then(|rest| rest.iter().position(|&b| may_quote(b)))
            .map(|k| i + k)
        {
            let Some(c) = block.get(q..).and_then(|r| r.chars().next()) else {
                break;
            };
            i = q + c.len_utf8();
            if !is_mark(c) {
                continue;
            }
            let next = block.get(i..).and_then(|r| r.chars().next());
            let prev = block.get(..q).and_then(|r| r.chars().next_back());
            self.mark(c, prev, next);
        }
        self.pos = at;
        self.double.is_some() || self.single
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The state read a character at a time from the start of `block`, as
    /// the scan did before it passed over the bytes that start no mark.
    fn char_by_char(block: &str, at: usize) -> bool {
        let mut state = QuoteScan::default();
        let mut prev = None;
        let mut chars = block.get(..at).unwrap_or("").char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_mark(c) {
                let next = chars
                    .peek()
                    .map(|&(_, n)| n)
                    .or_else(|| block.get(i + c.len_utf8()..).and_then(|r| r.chars().next()));
                state.mark(c, prev, next);
            }
            prev = Some(c);
        }
        state.double.is_some() || state.single
    }

    proptest! {
        #[test]
        fn passing_over_bytes_reads_as_a_character_at_a_time(
            picks in proptest::collection::vec(0..16usize, 0..40),
        ) {
            const PIECES: &[&str] = &[
                "\"", "'", "“", "”", "„", "‘", "’", "«", "»", " ", "open", "é", "—", "(", "s", "€",
            ];
            let block: String = picks.iter().map(|&k| PIECES[k]).collect();
            let mut scan = QuoteScan::default();
            for (at, _) in block.char_indices().chain(std::iter::once((block.len(), ' '))) {
                prop_assert_eq!(scan.inside(0, &block, at), char_by_char(&block, at), "at {}", at);
            }
        }
    }

    fn quoted(s: &str, term: &str) -> bool {
        let at = s.find(term).expect("term in sentence");
        inside_quotation(s, at)
    }

    #[test]
    fn a_scan_carried_forward_agrees_with_a_scan_from_the_start() {
        let block = "He said: “Llama 3 is open source.” Then 'open' and „GPT-4o is open source“, \"Mistral\" it's open source.";
        let mut scan = QuoteScan::default();
        for (at, _) in block.char_indices() {
            assert_eq!(
                scan.inside(7, block, at),
                inside_quotation(block, at),
                "at {at}"
            );
        }
        // Back to an earlier offset, and another block: the scan starts again.
        assert_eq!(scan.inside(7, block, 12), inside_quotation(block, 12));
        assert_eq!(
            scan.inside(9, "\"open source\"", 1),
            inside_quotation("\"open source\"", 1)
        );
    }

    #[test]
    fn direct_speech_in_both_languages_is_quoted() {
        assert!(quoted(
            "“Llama 3 is open source and free for everyone,” said the CEO on stage.",
            "open source"
        ));
        assert!(quoted(
            "Zuckerberg: \"Our open-source Llama models lead the field.\"",
            "open-source"
        ));
        assert!(quoted(
            "„Ons opensourcemodel is het beste”, aldus de topman.",
            "opensourcemodel"
        ));
        assert!(quoted(
            "De woordvoerder zei: ”Llama is open source.”",
            "open source"
        ));
        assert!(quoted(
            "She said: 'the open-source Llama 3 is our answer'.",
            "open-source"
        ));
    }

    #[test]
    fn narration_and_apostrophes_are_not_quoted() {
        assert!(!quoted(
            "Meta's open-source Llama 3.2 model can now see images.",
            "open-source"
        ));
        assert!(!quoted(
            "“We are proud,” Meta said of its open-source Llama 3.",
            "open-source"
        ));
        assert!(!quoted(
            "Zo'n opensourcemodel als Llama 3 is populair, zegt 'men'.",
            "opensourcemodel"
        ));
        assert!(!quoted(
            "In “The Llama Story” the author calls Llama 3 open source.",
            "open source"
        ));
    }
}
