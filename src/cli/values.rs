//! The fixed value sets of the options, each value with a line of help.
//! `--help` lists them under "Possible values" (and `-h` in brackets), so an
//! editor never has to guess what `--style` or `--encoding` takes, while the
//! parsers keep accepting the spellings they always did (`--lang nl-BE`,
//! `--encoding ISO-8859-1`, `--definition licence`).

use std::ffi::OsStr;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use openclaim::config::FailOn;
use openclaim::source::Encoding;
use openclaim::{Definition, Lang, Style};

use super::args::LangArg;

/// A value parser that shows `values` in help and parses with `parse`.
#[derive(Clone)]
pub struct Shown<T: Clone + Send + Sync + 'static> {
    values: &'static [(&'static str, &'static str)],
    parse: fn(String) -> Result<T, String>,
}

impl<T: Clone + Send + Sync + 'static> Shown<T> {
    fn new(
        values: &'static [(&'static str, &'static str)],
        parse: fn(String) -> Result<T, String>,
    ) -> Shown<T> {
        Shown { values, parse }
    }
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Shown<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        // clap's own adapter, so that errors look like every other value error.
        StringValueParser::new()
            .try_map(self.parse)
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            self.values
                .iter()
                .map(|(name, help)| PossibleValue::new(*name).help(*help)),
        ))
    }
}

pub const LANGS: &[(&str, &str)] = &[
    ("nl", "Dutch"),
    ("en", "English"),
    (
        "auto",
        "Detected from the text (the default); German, French or Spanish is reported as not checked",
    ),
];

pub fn lang() -> Shown<LangArg> {
    Shown::new(LANGS, |s| {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(LangArg(None));
        }
        s.parse::<Lang>()
            .map(|l| LangArg(Some(l)))
            .map_err(|_| format!("unknown language '{s}': expected nl, en or auto"))
    })
}

pub const DEFINITIONS: &[(&str, &str)] = &[
    (
        "osaid",
        "The OSI Open Source AI Definition 1.0: an OSI license and released training data and code (the default)",
    ),
    ("license", "An OSI-approved license on the weights is enough"),
];

pub fn definition() -> Shown<Definition> {
    Shown::new(DEFINITIONS, |s| s.parse::<Definition>())
}

pub const STYLES: &[(&str, &str)] = &[
    (
        "critic",
        "CriticMarkup substitutions and comments (the default)",
    ),
    ("footnote", "A footnote reference, definitions at the end"),
    ("comment", "An HTML comment, invisible when rendered"),
];

pub fn style() -> Shown<Style> {
    Shown::new(STYLES, |s| {
        s.parse::<Style>()
            .map_err(|e: openclaim::annotate::ParseStyleError| e.to_string())
    })
}

pub const FAIL_ON: &[(&str, &str)] = &[
    ("warning", "Warnings make the exit code 1 (the default)"),
    ("note", "Notes and warnings make the exit code 1"),
    ("never", "Findings never change the exit code"),
];

pub fn fail_on() -> Shown<FailOn> {
    Shown::new(FAIL_ON, |s| s.parse::<FailOn>())
}

pub const ENCODINGS: &[(&str, &str)] = &[
    (
        "utf-8",
        "The default; UTF-16 with a byte-order mark is recognised",
    ),
    ("utf-16le", "UTF-16, little-endian"),
    ("utf-16be", "UTF-16, big-endian"),
    ("latin1", "ISO-8859-1"),
];

pub fn encoding() -> Shown<Encoding> {
    Shown::new(ENCODINGS, |s| s.parse::<Encoding>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value shown in help must parse, and every parsed value must be shown.
    #[test]
    fn shown_values_are_the_values_parsed() {
        let names = |v: &[(&str, &str)]| v.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(STYLES),
            Style::ALL.map(|s| s.name().to_string()).to_vec()
        );
        assert_eq!(
            names(ENCODINGS),
            Encoding::ALL.map(|e| e.name().to_string()).to_vec()
        );
        for (name, _) in ENCODINGS {
            assert!(name.parse::<Encoding>().is_ok(), "{name}");
        }
        for (name, _) in DEFINITIONS {
            assert!(name.parse::<Definition>().is_ok(), "{name}");
        }
        for (name, _) in FAIL_ON {
            assert!(name.parse::<FailOn>().is_ok(), "{name}");
        }
    }
}
