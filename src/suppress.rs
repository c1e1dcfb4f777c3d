//! In-document suppression, markdownlint-style, read from HTML comments —
//! block or inline, so an editor can silence one sentence mid-paragraph:
//!
//! - `<!-- openclaim-disable -->` … `<!-- openclaim-enable -->`
//! - `<!-- openclaim-disable-next-line -->`, `<!-- openclaim-disable-line -->`
//! - `<!-- openclaim-disable-file -->`
//!
//! Each may name models (`<!-- openclaim-disable llama-3.2 "GPT-4o" -->`),
//! by glossary id, canonical name or alias; then only those are silenced.

use std::ops::Range;

use crate::glossary::Glossary;
use crate::markdown::Comment;
use crate::span::LineIndex;

/// Which findings a directive silences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Glossary ids (names that resolve to no entry are kept lowercased and
    /// compared with ids and canonical names).
    Models(Vec<String>),
}

impl Scope {
    fn covers(&self, model_id: &str, canonical: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Models(ids) => ids
                .iter()
                .any(|m| m == model_id || m.eq_ignore_ascii_case(canonical)),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    file: Vec<Scope>,
    ranges: Vec<(Range<usize>, Scope)>,
    lines: Vec<(usize, Scope)>,
}

fn parse_scope(rest: &str, glossary: &Glossary) -> Scope {
    let names: Vec<String> = split_names(rest)
        .into_iter()
        .map(|n| {
            glossary
                .find(&n)
                .map(|m| m.id.clone())
                .unwrap_or_else(|| n.to_lowercase())
        })
        .collect();
    if names.is_empty() {
        Scope::All
    } else {
        Scope::Models(names)
    }
}

/// Names separated by commas or spaces; quoted names may contain spaces.
fn split_names(rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in rest.chars() {
        match c {
            '"' | '\'' => quoted = !quoted,
            ',' => {
                out.push(std::mem::take(&mut cur));
            }
            c if c.is_whitespace() && !quoted => {
                out.push(std::mem::take(&mut cur));
            }
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.retain(|s| !s.trim().is_empty());
    out
}

impl Suppressions {
    pub fn from_comments(src: &str, comments: &[Comment], glossary: &Glossary) -> Suppressions {
        let mut s = Suppressions::default();
        if !comments.iter().any(|c| c.text.starts_with("openclaim-")) {
            return s;
        }
        let lines = LineIndex::new(src);
        let mut open: Vec<(usize, Scope)> = Vec::new();
        for c in comments {
            let Some(directive) = c.text.strip_prefix("openclaim-") else {
                continue;
            };
            let (word, rest) = directive
                .split_once(char::is_whitespace)
                .unwrap_or((directive, ""));
            match word {
                "disable-file" => s.file.push(parse_scope(rest, glossary)),
                "disable-line" => {
                    let line = lines.position(src, c.src.start).line;
                    s.lines.push((line, parse_scope(rest, glossary)));
                }
                "disable-next-line" => {
                    let line = lines.position(src, c.src.end.saturating_sub(1)).line;
                    s.lines.push((line + 1, parse_scope(rest, glossary)));
                }
                "disable" => open.push((c.src.end, parse_scope(rest, glossary))),
                "enable" => {
                    let scope = parse_scope(rest, glossary);
                    // A bare enable closes every open region; a named one closes those regions.
                    let (close, keep): (Vec<_>, Vec<_>) = open
                        .drain(..)
                        .partition(|(_, sc)| scope == Scope::All || *sc == scope);
                    open = keep;
                    s.ranges.extend(
                        close
                            .into_iter()
                            .map(|(start, sc)| (start..c.src.start, sc)),
                    );
                }
                _ => {}
            }
        }
        s.ranges
            .extend(open.into_iter().map(|(start, sc)| (start..usize::MAX, sc)));
        s
    }

    /// True when a finding at `offset` on `line` about the model is silenced.
    pub fn covers(&self, offset: usize, line: usize, model_id: &str, canonical: &str) -> bool {
        self.file.iter().any(|sc| sc.covers(model_id, canonical))
            || self
                .lines
                .iter()
                .any(|(l, sc)| *l == line && sc.covers(model_id, canonical))
            || self
                .ranges
                .iter()
                .any(|(r, sc)| r.contains(&offset) && sc.covers(model_id, canonical))
    }

    pub fn is_empty(&self) -> bool {
        self.file.is_empty() && self.ranges.is_empty() && self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Engine, Glossary, Options};

    fn ids(text: &str) -> (Vec<String>, usize) {
        let e = Engine::new(Glossary::embedded().clone(), Options::default());
        let r = e.check("t.md", text);
        (
            r.findings.iter().map(|f| f.model.id.clone()).collect(),
            r.suppressed,
        )
    }

    #[test]
    fn regions_lines_and_files() {
        let text = "GPT-4o is open source.\n\n<!-- openclaim-disable -->\n\nLlama 2 is open source.\n\n<!-- openclaim-enable -->\n\nGemma 2 is open source.\n";
        assert_eq!(ids(text), (vec!["gpt-4o".into(), "gemma-2".into()], 1));
        let text = "<!-- openclaim-disable-next-line -->\nGPT-4o is open source.\nLlama 2 is open source.\n";
        assert_eq!(ids(text), (vec!["llama-2".into()], 1));
        let text = "GPT-4o is open source. <!-- openclaim-disable-line --> Llama 2 is open source.\n\nGemma 2 is open source.\n";
        assert_eq!(ids(text), (vec!["gemma-2".into()], 2));
        let text = "Llama 2 is open source.\n\n<!-- openclaim-disable-file -->\n";
        assert_eq!(ids(text), (vec![], 1));
    }

    #[test]
    fn mid_paragraph_and_named_models() {
        let text = "GPT-4o is open source. <!-- openclaim-disable \"Llama 2\" --> Llama 2 is open source and GPT-4 is open source. <!-- openclaim-enable --> Gemma 2 is open source.\n";
        assert_eq!(
            ids(text),
            (vec!["gpt-4o".into(), "gpt-4".into(), "gemma-2".into()], 1)
        );
        let text = "<!-- openclaim-disable-file llama-2, gpt-4o -->\nLlama 2 is open source. GPT-4o is open source. Gemma 2 is open source.\n";
        assert_eq!(ids(text), (vec!["gemma-2".into()], 2));
    }

    #[test]
    fn hand_written_comments_are_not_directives() {
        let text = "<!-- note: openclaim-disable later -->\nGPT-4o is open source.\n";
        assert_eq!(ids(text), (vec!["gpt-4o".into()], 0));
    }
}
