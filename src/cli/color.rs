//! Terminal colour and width for human diagnostics. Colour is on with
//! `--color always`, off with `--color never`, and with `auto` (the default)
//! only when the stream is a terminal and NO_COLOR is unset or empty
//! (CLICOLOR_FORCE set to anything but 0 forces it on). The width is the
//! terminal's, or 100 when standard output is not a terminal.

use std::io::IsTerminal;

use unicode_width::UnicodeWidthChar;

use super::ColorWhen;

/// The width used when standard output is not a terminal.
pub const DEFAULT_WIDTH: usize = 80;

pub fn enabled(when: ColorWhen, is_terminal: bool) -> bool {
    let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if env_set("NO_COLOR") {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0")
            {
                true
            } else {
                is_terminal
            }
        }
    }
}

/// Colour for what goes to standard output.
pub fn stdout_enabled(when: ColorWhen) -> bool {
    enabled(when, std::io::stdout().is_terminal())
}

/// Columns available on standard output.
pub fn stdout_width() -> usize {
    let out = std::io::stdout();
    if !out.is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size_of(&out)
        .map(|(w, _)| usize::from(w.0))
        .filter(|w| *w >= 20)
        .unwrap_or(DEFAULT_WIDTH)
}

/// ANSI styles in the spirit of rustc's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Warning,
    Note,
    /// Line numbers, `-->`, `|` and `=`.
    Gutter,
    Bold,
    /// The suggested wording.
    Good,
    Dim,
}

impl Tone {
    fn code(self) -> &'static str {
        match self {
            Tone::Warning => "\x1b[1;33m",
            Tone::Note => "\x1b[1;32m",
            Tone::Gutter => "\x1b[1;34m",
            Tone::Bold => "\x1b[1m",
            Tone::Good => "\x1b[32m",
            Tone::Dim => "\x1b[2m",
        }
    }
}

/// Paints text when colour is on; the plain text otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    pub fn paint(&self, tone: Tone, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("{}{text}\x1b[0m", tone.code())
        } else {
            text.to_string()
        }
    }
}

/// Display columns of a character (East Asian wide characters take two,
/// combining marks none, a tab one because tabs are shown as a space).
pub fn char_width(c: char) -> usize {
    if c == '\t' {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Words of `text` in lines of at most `width` columns: the first after
/// `first` (already written), the rest after `indent` spaces. A word longer
/// than a line (a URL) gets a line of its own.
pub fn wrap(text: &str, first: usize, indent: usize, width_: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut col = first;
    for word in text.split_whitespace() {
        let w = width(word);
        let Some(line) = lines.last_mut() else {
            break;
        };
        if line.is_empty() {
            line.push_str(word);
            col += w;
        } else if col + 1 + w <= width_ {
            line.push(' ');
            line.push_str(word);
            col += 1 + w;
        } else {
            lines.push(word.to_string());
            col = indent + w;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_counts_wide_characters() {
        let lines = wrap("aaa bbb ccc ddd", 4, 2, 12);
        assert_eq!(lines, ["aaa bbb", "ccc ddd"]);
        let lines = wrap("https://example.test/a-very-long-url x", 4, 4, 10);
        assert_eq!(lines, ["https://example.test/a-very-long-url", "x"]);
        assert_eq!(width("開源模型"), 8);
        assert_eq!(width("e\u{301}"), 1);
        assert!(wrap("", 0, 0, 10) == [""]);
    }

    #[test]
    fn colour_follows_the_flag() {
        assert!(enabled(ColorWhen::Always, false));
        assert!(!enabled(ColorWhen::Never, true));
        let p = Paint { on: false };
        assert_eq!(p.paint(Tone::Warning, "x"), "x");
        let p = Paint { on: true };
        assert_eq!(p.paint(Tone::Warning, "x"), "\x1b[1;33mx\x1b[0m");
    }
}
