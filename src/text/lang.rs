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

/// Function words that Dutch and English do not share, per language
/// openclaim does not check; an article in one of these would be judged by
/// the wrong rules, so it is named instead.
const OTHER_MARKERS: &[(&str, &[&str])] = &[
    (
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "auf", "für", "sich",
            "auch", "sind", "wird", "dem", "den", "des", "von", "zu", "aber", "noch", "wie",
        ],
    ),
    (
        "French",
        &[
            "le", "la", "les", "et", "est", "une", "des", "du", "pour", "dans", "que", "qui",
            "sur", "pas", "avec", "sont", "mais", "ce", "cette", "il", "elle", "au",
        ],
    ),
    (
        "Spanish",
        &[
            "el", "la", "los", "las", "y", "es", "una", "del", "para", "con", "que", "por", "pero",
            "como", "su", "sus", "está", "son", "más", "lo",
        ],
    ),
];

/// The name of the language of `text` when it is clearly neither Dutch nor
/// English (German, French, Spanish), judged by function words in its first
/// 20 000 bytes. None for Dutch, English, mixed or too short texts.
pub fn unsupported(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let words: Vec<String> = text[..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 7)
        .map(str::to_lowercase)
        .collect();
    let count = |markers: &[&str]| {
        words
            .iter()
            .filter(|w| markers.contains(&w.as_str()))
            .count()
    };
    let ours = count(NL_MARKERS).max(count(EN_MARKERS));
    let (name, theirs) = OTHER_MARKERS
        .iter()
        .map(|(name, m)| (*name, count(m)))
        .max_by_key(|(_, n)| *n)?;
    // Clearly another language: enough evidence, and well ahead of ours.
    (theirs >= 8 && theirs * 2 > ours * 3).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_are_named_and_ours_are_not() {
        let de = "Der neue Chatbot von Meta ist nicht so offen, wie das Unternehmen behauptet. \
                  Die Lizenz von Llama 3 ist keine Open-Source-Lizenz, und auch die Trainingsdaten sind nicht frei, \
                  aber das Modell wird trotzdem gern mit dem Etikett beworben.";
        assert_eq!(unsupported(de), Some("German"));
        let fr = "Le nouveau modèle de Meta est présenté comme open source, mais la licence de Llama 3 \
                  impose des restrictions pour les grandes entreprises et les données ne sont pas publiées. \
                  Il est pourtant utilisé dans une foule de produits.";
        assert_eq!(unsupported(fr), Some("French"));
        let nl = "Meta noemt Llama 3 open source, maar de licentie van het model legt beperkingen op \
                  aan grote bedrijven en de trainingsdata is niet openbaar. Het model wordt toch veel gebruikt.";
        assert_eq!(unsupported(nl), None);
        let en = "Meta calls Llama 3 open source, but the license of the model puts limits on the largest \
                  companies and the training data is not public. It is still used in a host of products.";
        assert_eq!(unsupported(en), None);
        assert_eq!(unsupported("Llama 3 ist open source."), None);
    }

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
