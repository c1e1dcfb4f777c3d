//! TEMPORARY stub until the real module lands.
use std::ops::Range;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    #[default]
    Critic,
    Footnote,
    Comment,
}
impl std::str::FromStr for Style {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "critic" => Ok(Style::Critic),
            "footnote" => Ok(Style::Footnote),
            "comment" => Ok(Style::Comment),
            _ => Err(format!("unknown style '{s}'")),
        }
    }
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub term: Range<usize>,
    pub replacement: Option<String>,
    pub comment: String,
}
pub fn render(src: &str, anns: &[Annotation], _style: Style) -> String {
    let mut out = String::new();
    let mut last = 0;
    for a in anns {
        out.push_str(&src[last..a.term.start]);
        out.push_str(&format!(
            "{{~~{}~>{}~~}}{{>>openclaim: {}<<}}",
            &src[a.term.clone()],
            a.replacement.clone().unwrap_or_default(),
            a.comment
        ));
        last = a.term.end;
    }
    out.push_str(&src[last..]);
    out
}
pub fn strip(text: &str) -> String {
    text.to_string()
}
pub fn is_annotated(text: &str) -> bool {
    text.contains("openclaim")
}
