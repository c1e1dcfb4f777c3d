//! The per-language lexicon of closed-class words and cue phrases, read
//! from `lexicon/<lang>.toml`. It is typed data: each entry has a [`Role`],
//! and a cue added to one language never fires in the other. The files are
//! embedded, so the tool needs no set-up; a test and `load` validate them.

use crate::text::fast_hash::FxHashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::DataError;
use crate::Lang;

/// What a lexicon entry does in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Determiner,
    Pronoun,
    Preposition,
    Conjunction,
    Subordinator,
    Condition,
    Relative,
    Copula,
    Auxiliary,
    Negator,
    /// A word that negates without "not": "falsely", "far from", "verre van".
    LexicalNegation,
    /// The author disputing a claim: "misleading", "fails to".
    Dispute,
    Hedge,
    /// A reporting frame: "says", "according to", "volgens".
    Reporting,
    /// A verb that gives its object a label: "market X as", "noemt X".
    Labelling,
    /// Introduces examples of a class: "such as", "zoals", "waaronder".
    Exemplifier,
    Contrast,
    QuestionWord,
    /// Introduces a name in apposition: "called", "genaamd".
    Naming,
    /// A verb that gives its object a property: "made Llama open source",
    /// "maakte het model open source".
    Causative,
    /// A noun that names a model or a class of models.
    ModelHead,
    /// A noun that takes "of X" to mean a form of model X: "release of".
    OfHead,
    /// A noun the term may describe instead of a model: "tools", "code".
    OtherHead,
}

impl Role {
    pub const ALL: [Role; 23] = [
        Role::Determiner,
        Role::Pronoun,
        Role::Preposition,
        Role::Conjunction,
        Role::Subordinator,
        Role::Condition,
        Role::Relative,
        Role::Copula,
        Role::Auxiliary,
        Role::Negator,
        Role::LexicalNegation,
        Role::Dispute,
        Role::Hedge,
        Role::Reporting,
        Role::Labelling,
        Role::Exemplifier,
        Role::Contrast,
        Role::QuestionWord,
        Role::Naming,
        Role::Causative,
        Role::ModelHead,
        Role::OfHead,
        Role::OtherHead,
    ];

    fn bit(self) -> u32 {
        1 << (self as u32)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Determiner => "determiner",
            Role::Pronoun => "pronoun",
            Role::Preposition => "preposition",
            Role::Conjunction => "conjunction",
            Role::Subordinator => "subordinator",
            Role::Condition => "condition",
            Role::Relative => "relative",
            Role::Copula => "copula",
            Role::Auxiliary => "auxiliary",
            Role::Negator => "negator",
            Role::LexicalNegation => "lexical_negation",
            Role::Dispute => "dispute",
            Role::Hedge => "hedge",
            Role::Reporting => "reporting",
            Role::Labelling => "labelling",
            Role::Exemplifier => "exemplifier",
            Role::Contrast => "contrast",
            Role::QuestionWord => "question_word",
            Role::Naming => "naming",
            Role::Causative => "causative",
            Role::ModelHead => "model_head",
            Role::OfHead => "of_head",
            Role::OtherHead => "other_head",
        }
    }
}

/// The roles of one word, as a set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles(u32);

impl Roles {
    pub fn has(self, r: Role) -> bool {
        self.0 & r.bit() != 0
    }

    fn add(&mut self, r: Role) {
        self.0 |= r.bit();
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Role names, for printing a structure.
    pub fn names(self) -> Vec<&'static str> {
        Role::ALL
            .iter()
            .filter(|r| self.has(**r))
            .map(|r| r.as_str())
            .collect()
    }
}

/// The file's shape: one list per role, no other keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    determiner: Vec<String>,
    #[serde(default)]
    pronoun: Vec<String>,
    #[serde(default)]
    preposition: Vec<String>,
    #[serde(default)]
    conjunction: Vec<String>,
    #[serde(default)]
    subordinator: Vec<String>,
    #[serde(default)]
    condition: Vec<String>,
    #[serde(default)]
    relative: Vec<String>,
    #[serde(default)]
    copula: Vec<String>,
    #[serde(default)]
    auxiliary: Vec<String>,
    #[serde(default)]
    negator: Vec<String>,
    #[serde(default)]
    lexical_negation: Vec<String>,
    #[serde(default)]
    dispute: Vec<String>,
    #[serde(default)]
    hedge: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
    #[serde(default)]
    labelling: Vec<String>,
    #[serde(default)]
    exemplifier: Vec<String>,
    #[serde(default)]
    contrast: Vec<String>,
    #[serde(default)]
    question_word: Vec<String>,
    #[serde(default)]
    naming: Vec<String>,
    #[serde(default)]
    causative: Vec<String>,
    #[serde(default)]
    model_head: Vec<String>,
    #[serde(default)]
    of_head: Vec<String>,
    #[serde(default)]
    other_head: Vec<String>,
}

impl File {
    fn lists(&self) -> [(Role, &Vec<String>); 23] {
        [
            (Role::Determiner, &self.determiner),
            (Role::Pronoun, &self.pronoun),
            (Role::Preposition, &self.preposition),
            (Role::Conjunction, &self.conjunction),
            (Role::Subordinator, &self.subordinator),
            (Role::Condition, &self.condition),
            (Role::Relative, &self.relative),
            (Role::Copula, &self.copula),
            (Role::Auxiliary, &self.auxiliary),
            (Role::Negator, &self.negator),
            (Role::LexicalNegation, &self.lexical_negation),
            (Role::Dispute, &self.dispute),
            (Role::Hedge, &self.hedge),
            (Role::Reporting, &self.reporting),
            (Role::Labelling, &self.labelling),
            (Role::Exemplifier, &self.exemplifier),
            (Role::Contrast, &self.contrast),
            (Role::QuestionWord, &self.question_word),
            (Role::Naming, &self.naming),
            (Role::Causative, &self.causative),
            (Role::ModelHead, &self.model_head),
            (Role::OfHead, &self.of_head),
            (Role::OtherHead, &self.other_head),
        ]
    }
}

/// A phrase of two or more words and its role.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub words: Vec<String>,
    pub role: Role,
}

/// One language's lexicon, ready for look-ups.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FxHashMap<String, Roles>,
    /// Phrases by their first word, longest first.
    phrases: FxHashMap<String, Vec<Phrase>>,
}

/// Line and column (1-based) of byte `at` in `src`.
fn position(src: &str, at: usize) -> (usize, usize) {
    let before = src.get(..at).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

impl Lexicon {
    /// Parses and validates one lexicon file; errors name file, line and column.
    pub fn load(file: &str, src: &str) -> Result<Lexicon, DataError> {
        let parsed: File = toml::from_str(src).map_err(|e| {
            let (line, column) = e.span().map(|s| position(src, s.start)).unwrap_or((0, 0));
            DataError {
                file: file.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        let mut lex = Lexicon::default();
        for (role, list) in parsed.lists() {
            let mut seen = std::collections::HashSet::new();
            for entry in list {
                let err = |message: String| {
                    let quoted = format!("\"{entry}\"");
                    let key = format!("{} =", role.as_str());
                    let from = src.find(&key).unwrap_or(0);
                    let at = src
                        .get(from..)
                        .and_then(|s| s.find(&quoted))
                        .map(|i| from + i)
                        .unwrap_or(from);
                    let (line, column) = position(src, at);
                    DataError {
                        file: file.to_string(),
                        line,
                        column,
                        message,
                    }
                };
                if entry.trim().is_empty() {
                    return Err(err(format!("empty entry in '{}'", role.as_str())));
                }
                if entry.to_lowercase() != *entry || entry.trim() != entry || entry.contains("  ") {
                    return Err(err(format!(
                        "'{entry}' in '{}' must be lowercase words separated by single spaces",
                        role.as_str()
                    )));
                }
                if !seen.insert(entry.as_str()) {
                    return Err(err(format!(
                        "'{entry}' is listed twice in '{}'",
                        role.as_str()
                    )));
                }
                let words: Vec<String> = entry.split(' ').map(str::to_string).collect();
                if words.len() == 1 {
                    lex.words.entry(entry.clone()).or_default().add(role);
                } else {
                    lex.phrases
                        .entry(words[0].clone())
                        .or_default()
                        .push(Phrase { words, role });
                }
            }
        }
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Ok(lex)
    }

    /// The roles of one lowercased word.
    pub fn roles(&self, word: &str) -> Roles {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// Phrases that start with `word`, longest first.
    pub fn phrases_from(&self, word: &str) -> &[Phrase] {
        self.phrases.get(word).map(Vec::as_slice).unwrap_or(&[])
    }
}

const EN: &str = include_str!("../../lexicon/en.toml");
const NL: &str = include_str!("../../lexicon/nl.toml");

/// The embedded lexicon of `lang`. The files are checked by a test; were
/// one ever invalid, the structure would fall back to an empty lexicon
/// rather than stop every check.
pub fn embedded(lang: Lang) -> &'static Lexicon {
    static LEX: OnceLock<[Lexicon; 2]> = OnceLock::new();
    let both = LEX.get_or_init(|| {
        [
            Lexicon::load("lexicon/en.toml", EN).unwrap_or_default(),
            Lexicon::load("lexicon/nl.toml", NL).unwrap_or_default(),
        ]
    });
    match lang {
        Lang::En => &both[0],
        Lang::Nl => &both[1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_are_valid() {
        for (name, src) in [("en.toml", EN), ("nl.toml", NL)] {
            if let Err(e) = Lexicon::load(name, src) {
                panic!("{e}");
            }
        }
        assert!(embedded(Lang::En).roles("not").has(Role::Negator));
        assert!(embedded(Lang::Nl).roles("niet").has(Role::Negator));
        // A cue of one language is not a cue of the other.
        assert!(!embedded(Lang::Nl).roles("of").has(Role::Preposition));
        assert!(!embedded(Lang::En).roles("als").has(Role::Condition));
        assert!(embedded(Lang::En)
            .phrases_from("such")
            .iter()
            .any(|p| p.role == Role::Exemplifier));
    }

    #[test]
    fn errors_name_the_line() {
        let e = Lexicon::load("x.toml", "negator = [\"not\"]\nhedge = [\"Kind Of\"]\n")
            .err()
            .map(|e| (e.line, e.message));
        assert_eq!(e.as_ref().map(|e| e.0), Some(2));
        let dup = Lexicon::load("x.toml", "negator = [\"not\", \"not\"]\n").err();
        assert!(dup.is_some_and(|e| e.message.contains("twice")));
        let unknown = Lexicon::load("x.toml", "\nverbs = [\"x\"]\n").err();
        assert!(unknown.is_some_and(|e| e.line == 2));
    }
}
