//! Which language an article is in. The language picks the wording of
//! corrections; the rules themselves read both lexicons, so a Dutch article
//! that quotes English is still checked in English.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads a front matter or command-line value ("nl", "nl-NL", "Dutch", "en_GB" …).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_ascii_lowercase();
        let primary = t.split(['-', '_']).next().unwrap_or("");
        match primary {
            "nl" | "dutch" | "nederlands" | "vls" => Some(Lang::Nl),
            "en" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| format!("unknown language '{s}': expected nl or en"))
    }
}

const NL_MARKERS: &[&str] = &[
    "de", "het", "een", "van", "niet", "dat", "die", "zijn", "voor", "met", "ook", "maar", "wel",
    "er", "naar", "bij", "wordt", "worden", "deze", "dit", "heeft", "hebben", "nog", "geen", "als",
    "om", "uit", "door", "kan", "zich", "aan", "werd", "tot", "over", "hun", "wat", "nu",
];
const EN_MARKERS: &[&str] = &[
    "the", "a", "and", "of", "not", "that", "to", "for", "with", "are", "was", "but", "this",
    "has", "have", "it", "its", "by", "from", "be", "can", "which", "their", "were", "been",
    "will", "on", "at", "an", "as", "or", "more", "than", "would", "about", "also", "after",
];

/// Counts function words in the first 20 000 bytes; ties and texts with no
/// function words at all fall back to English.
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut nl, mut en) = (0usize, 0usize);
    for word in text[..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 6)
    {
        let lower = word.to_lowercase();
        if NL_MARKERS.contains(&lower.as_str()) {
            nl += 1;
        }
        if EN_MARKERS.contains(&lower.as_str()) {
            en += 1;
        }
    }
    if nl > en {
        Lang::Nl
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_both_languages() {
        assert_eq!(
            detect("Meta heeft het model niet vrijgegeven, maar de code wel."),
            Lang::Nl
        );
        assert_eq!(
            detect("Meta has not released the model, but the code is public."),
            Lang::En
        );
        assert_eq!(detect(""), Lang::En);
    }

    #[test]
    fn reads_tags() {
        assert_eq!(Lang::from_tag("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("'en'"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
    }
}
