//! Byte offsets are the one unit inside the library; lines and columns exist
//! only for people, so they are computed here and nowhere else.

/// `offset` in 32 bits, for the maps of a document that must stay small:
/// every caller holds offsets of a text of at most 4 GiB, so the
/// saturation never bites.
pub(crate) fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Maps a byte offset to a 1-based line and a 1-based column counted in
/// Unicode scalar values (what editors and SARIF's `unicodeCodePoints` show).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Starts,
}

/// Where each line starts, in 32 bits for any text that fits them: the
/// index of a long document has a start per line, and halving it is a few
/// megabytes of a large file's peak.
#[derive(Debug, Clone)]
enum Starts {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Starts {
    fn get(&self, line: usize) -> Option<usize> {
        match self {
            Starts::Narrow(v) => v.get(line).map(|&s| s as usize),
            Starts::Wide(v) => v.get(line).copied(),
        }
    }

    /// The 0-based line holding `offset`: the last start at or before it.
    fn line_of(&self, offset: usize) -> usize {
        let after = match self {
            Starts::Narrow(v) => v.partition_point(|&s| s as usize <= offset),
            Starts::Wide(v) => v.partition_point(|&s| s <= offset),
        };
        after.saturating_sub(1)
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        /// The start of every line, each as `T`.
        fn starts<T>(text: &str, as_t: impl Fn(usize) -> T) -> Vec<T> {
            let mut starts = Vec::with_capacity(text.len() / 40 + 1);
            starts.push(as_t(0));
            starts.extend(memchr_newlines(text.as_bytes()).map(as_t));
            starts
        }
        // Every start is at most the length: one that fits 32 bits, fits them all.
        let starts = if u32::try_from(text.len()).is_ok() {
            Starts::Narrow(starts(text, narrow))
        } else {
            Starts::Wide(starts(text, |s| s))
        };
        LineIndex { starts }
    }

    /// Position of `offset`; offsets past the end clamp to the end, and an
    /// offset inside a multi-byte character counts that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts.get(line).unwrap_or(0);
        let column = text
            .get(start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|(i, _)| start + i < offset)
                    .count()
            })
            .unwrap_or(0);
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// A cursor for offsets that mostly come in increasing order (the claim
    /// terms of a file): each position costs the characters since the
    /// previous one, not since the start of its line, so a single long line
    /// with many findings stays linear.
    pub fn cursor<'a>(&'a self, text: &'a str) -> Cursor<'a> {
        Cursor {
            index: self,
            text,
            line: 0,
            offset: 0,
            column: 0,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.line_of(offset)
    }

    /// Byte range of the 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let start = self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map(|next| next - 1)
            .unwrap_or(text.len());
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        Some(start..end.max(start))
    }
}

/// Positions computed from the previous one: see [`LineIndex::cursor`].
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// 0-based line of `offset`.
    line: usize,
    offset: usize,
    /// Characters that start on `line` before `offset`.
    column: usize,
}

impl Cursor<'_> {
    /// The same position as [`LineIndex::position`] for `offset`.
    pub fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.index.line_of(offset);
        let bytes = self.text.as_bytes();
        if line == self.line && offset >= self.offset {
            self.column += char_starts(bytes.get(self.offset..offset).unwrap_or(&[]));
        } else {
            let start = self.index.starts.get(line).unwrap_or(0);
            self.line = line;
            self.column = char_starts(bytes.get(start..offset).unwrap_or(&[]));
        }
        self.offset = offset;
        Position {
            line: line + 1,
            column: self.column + 1,
        }
    }
}

/// How many characters start in `bytes` (every byte that is not a UTF-8
/// continuation byte), which counts a character cut at the end as well.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "één\r\nLlama é x\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position { line: 2, column: 9 });
        let last = text.find("last").unwrap();
        assert_eq!(idx.position(text, last), Position { line: 3, column: 1 });
        assert_eq!(idx.line_range(text, 1), Some(0..5));
        assert_eq!(&text[idx.line_range(text, 2).unwrap()], "Llama é x");
        assert_eq!(idx.line_range(text, 4), None);
    }

    #[test]
    fn the_cursor_agrees_with_position_in_any_order() {
        let text = "één\r\nLlama é x\nlast ÿ line\n\nend";
        let idx = LineIndex::new(text);
        let mut cursor = idx.cursor(text);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // Forwards, then a jump back, then forwards again.
        offsets.extend([7, 3, 20, 1, 0, 30]);
        for at in offsets {
            assert_eq!(cursor.position(at), idx.position(text, at), "offset {at}");
        }
    }
}
