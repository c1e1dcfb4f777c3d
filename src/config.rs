//! `.openclaim.toml`: the schema, parsing with file:line:col errors, the
//! merge of defaults, file and command-line flags (flags win), and where
//! each value came from. No file system access here: the binary finds the
//! files (walking up from each article, like .editorconfig), and [`files`]
//! reads them and the glossary directories they name.
//!
//! ```toml
//! lang = "nl"                 # nl | en | auto (detect; front matter `lang:` always wins)
//! definition = "osaid"        # osaid | license
//! fail_on = "warning"         # warning | note | never
//! style = "critic"            # critic | footnote | comment
//! glossary = ["glossary"]     # extra glossary directories, relative to this file
//! ignore = ["drafts/", "archive/2019/**"]   # gitignore globs, relative to this file
//! max_findings = 10000        # per file; then its report says "truncated" (0: no limit)
//!
//! [severity]                  # warning | note | none
//! restricted-weights = "warning"
//! closed = "warning"
//! open-weights = "note"
//! attributed = "note"         # the ceiling for claims attributed to someone else
//!
//! [models."olmo-2"]           # glossary id, canonical name or alias
//! accept = true               # an editorial decision: never report claims about it
//! reason = "our house style calls OLMo open source"
//!
//! [models."GPT-4o"]
//! severity = "note"           # instead of the status's severity
//! ```

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Deserialize;
use toml::Spanned;

use crate::date::Date;
use crate::glossary::Glossary;
use crate::verdict::{Definition, Policy, Severity};
use crate::{Lang, Options, Style};

pub mod files;

/// The file name looked for in each directory from an article upwards.
pub const FILE_NAME: &str = ".openclaim.toml";

/// Lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    #[default]
    Warning,
    Note,
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Warning => "warning",
            FailOn::Note => "note",
            FailOn::Never => "never",
        }
    }

    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Warning => severity == Severity::Warning,
            FailOn::Note => true,
            FailOn::Never => false,
        }
    }
}

impl FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "warning" => Ok(FailOn::Warning),
            "note" => Ok(FailOn::Note),
            "never" => Ok(FailOn::Never),
            _ => Err(format!(
                "unknown fail_on '{s}': expected warning, note or never"
            )),
        }
    }
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Default,
    /// A configuration file, at the value's 1-based line and column.
    File {
        path: String,
        line: usize,
        column: usize,
    },
    /// A command-line flag such as `--lang`.
    Flag(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File { path, line, column } => write!(f, "{path}:{line}:{column}"),
            Origin::Flag(flag) => write!(f, "flag {flag}"),
        }
    }
}

/// A setting and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Self {
        Setting {
            value,
            origin: Origin::Default,
        }
    }
}

/// Severities by status and voice (`None`: not reported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Severities {
    pub restricted_weights: Setting<Option<Severity>>,
    pub closed: Setting<Option<Severity>>,
    pub open_weights: Setting<Option<Severity>>,
    pub attributed: Setting<Option<Severity>>,
}

/// A per-model rule from `[models."name"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRule {
    /// The name as written in the file.
    pub name: String,
    /// The author's-voice severity for claims about the model (`None`: accepted).
    pub severity: Option<Severity>,
    /// Why, for the record (shown by `config show`).
    pub reason: Option<String>,
    pub origin: Origin,
}

/// The effective configuration: defaults, then a file, then flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The configuration file, as the caller named it; None when there is none.
    pub file: Option<String>,
    /// None: detect the language (front matter `lang:` always wins).
    pub lang: Setting<Option<Lang>>,
    pub definition: Setting<Definition>,
    pub fail_on: Setting<FailOn>,
    pub style: Setting<Style>,
    /// Extra glossary directories as written: relative to the configuration
    /// file's directory when their origin is the file, to the working
    /// directory when it is a flag.
    pub glossary: Vec<Setting<String>>,
    /// Gitignore-style globs, relative to the configuration file's directory.
    pub ignore: Vec<Setting<String>>,
    pub severity: Severities,
    pub models: Vec<ModelRule>,
    /// Findings per file before its analysis stops (0: no limit).
    pub max_findings: Setting<usize>,
}

impl Default for Config {
    fn default() -> Self {
        let p = Policy::default();
        Config {
            file: None,
            lang: Setting::default(None),
            definition: Setting::default(Definition::default()),
            fail_on: Setting::default(FailOn::default()),
            style: Setting::default(Style::default()),
            glossary: Vec::new(),
            ignore: Vec::new(),
            severity: Severities {
                restricted_weights: Setting::default(p.restricted_weights),
                closed: Setting::default(p.closed),
                open_weights: Setting::default(p.open_weights),
                attributed: Setting::default(p.attributed),
            },
            models: Vec::new(),
            max_findings: Setting::default(crate::engine::MAX_FINDINGS),
        }
    }
}

/// A problem in a configuration file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// Command-line values; `None` and empty leave the file's value alone.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub definition: Option<Definition>,
    pub fail_on: Option<FailOn>,
    pub style: Option<Style>,
    /// `--glossary` directories, layered over the file's.
    pub glossary: Vec<String>,
    pub max_findings: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<Spanned<String>>,
    definition: Option<Spanned<String>>,
    #[serde(alias = "fail-on")]
    fail_on: Option<Spanned<String>>,
    style: Option<Spanned<String>>,
    glossary: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<RawSeverity>,
    models: Option<std::collections::BTreeMap<String, Spanned<RawModel>>>,
    #[serde(alias = "max-findings")]
    max_findings: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSeverity {
    restricted_weights: Option<Spanned<String>>,
    closed: Option<Spanned<String>>,
    open_weights: Option<Spanned<String>>,
    attributed: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    accept: Option<Spanned<bool>>,
    severity: Option<Spanned<String>>,
    reason: Option<String>,
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before.get(start..).map(|s| s.chars().count()).unwrap_or(0) + 1;
    (line, column)
}

/// A severity level in a configuration file: warning, note or none.
pub fn parse_level(s: &str) -> Result<Option<Severity>, String> {
    match s {
        "warning" => Ok(Some(Severity::Warning)),
        "note" => Ok(Some(Severity::Note)),
        "none" | "off" => Ok(None),
        _ => Err(format!(
            "unknown severity '{s}': expected warning, note or none"
        )),
    }
}

fn level_str(l: Option<Severity>) -> &'static str {
    l.map(Severity::as_str).unwrap_or("none")
}

fn lang_value(s: &str) -> Result<Option<Lang>, String> {
    if s == "auto" {
        return Ok(None);
    }
    match s {
        "nl" | "en" => s.parse().map(Some),
        _ => Err(format!("unknown language '{s}': expected nl, en or auto")),
    }
}

/// The `[models]` rules, each with the position of its table.
fn models(
    file: &str,
    table: Option<std::collections::BTreeMap<String, Spanned<RawModel>>>,
    at: &dyn Fn(Range<usize>) -> Origin,
) -> Result<Vec<ModelRule>, ConfigError> {
    let spanned = table.unwrap_or_default();
    let mut out = Vec::new();
    for (name, raw) in &spanned {
        let origin = at(raw.span());
        let fail = |message: String, origin: &Origin| match origin {
            Origin::File { path, line, column } => ConfigError {
                file: path.clone(),
                line: *line,
                column: *column,
                message,
            },
            _ => ConfigError {
                file: file.into(),
                line: 1,
                column: 1,
                message,
            },
        };
        let m = raw.get_ref();
        let severity = match (&m.accept, &m.severity) {
            (Some(a), Some(s)) => {
                let level = parse_level(s.get_ref()).map_err(|e| fail(e, &at(s.span())))?;
                if *a.get_ref() && level.is_some() {
                    return Err(fail(
                        format!(
                            "models.\"{name}\": accept = true and severity = \"{}\" contradict each other",
                            s.get_ref()
                        ),
                        &at(s.span()),
                    ));
                }
                level
            }
            (Some(a), None) => {
                if !*a.get_ref() {
                    return Err(fail(
                        format!("models.\"{name}\": accept = false does nothing; set accept = true or a severity"),
                        &at(a.span()),
                    ));
                }
                None
            }
            (None, Some(s)) => parse_level(s.get_ref()).map_err(|e| fail(e, &at(s.span())))?,
            (None, None) => {
                return Err(fail(
                    format!("models.\"{name}\": set accept = true or severity = \"warning\" | \"note\" | \"none\""),
                    &origin,
                ))
            }
        };
        out.push(ModelRule {
            name: name.clone(),
            severity,
            reason: m.reason.clone(),
            origin,
        });
    }
    Ok(out)
}

fn error_at(file: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
    ConfigError {
        file: file.into(),
        line,
        column,
        message: e.message().trim_end().to_string(),
    }
}

impl Config {
    /// The defaults overridden by the configuration file `file` (its name
    /// is used in errors and origins) holding `text`.
    pub fn from_toml(file: &str, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| error_at(file, text, &e))?;
        let at = |span: Range<usize>| {
            let (line, column) = line_col(text, span.start);
            Origin::File {
                path: file.to_string(),
                line,
                column,
            }
        };
        let bad = |span: Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            ConfigError {
                file: file.to_string(),
                line,
                column,
                message,
            }
        };
        fn set<T>(
            slot: &mut Setting<T>,
            raw: Option<Spanned<String>>,
            parse: impl Fn(&str) -> Result<T, String>,
            at: &dyn Fn(Range<usize>) -> Origin,
            bad: &dyn Fn(Range<usize>, String) -> ConfigError,
        ) -> Result<(), ConfigError> {
            if let Some(s) = raw {
                let value = parse(s.get_ref()).map_err(|e| bad(s.span(), e))?;
                *slot = Setting {
                    value,
                    origin: at(s.span()),
                };
            }
            Ok(())
        }
        let mut c = Config {
            file: Some(file.to_string()),
            ..Config::default()
        };
        set(&mut c.lang, raw.lang, lang_value, &at, &bad)?;
        set(
            &mut c.definition,
            raw.definition,
            |s| match s {
                "osaid" | "license" => s.parse(),
                _ => Err(format!(
                    "unknown definition '{s}': expected osaid or license"
                )),
            },
            &at,
            &bad,
        )?;
        set(&mut c.fail_on, raw.fail_on, str::parse, &at, &bad)?;
        set(
            &mut c.style,
            raw.style,
            |s| {
                s.parse()
                    .map_err(|e: crate::annotate::ParseStyleError| e.to_string())
            },
            &at,
            &bad,
        )?;
        for (list, raw) in [(&mut c.glossary, raw.glossary), (&mut c.ignore, raw.ignore)] {
            for s in raw.unwrap_or_default() {
                if s.get_ref().trim().is_empty() {
                    return Err(bad(s.span(), "empty path or glob".into()));
                }
                list.push(Setting {
                    origin: at(s.span()),
                    value: s.into_inner(),
                });
            }
        }
        if let Some(sev) = raw.severity {
            let s = &mut c.severity;
            for (slot, raw) in [
                (&mut s.restricted_weights, sev.restricted_weights),
                (&mut s.closed, sev.closed),
                (&mut s.open_weights, sev.open_weights),
                (&mut s.attributed, sev.attributed),
            ] {
                set(slot, raw, parse_level, &at, &bad)?;
            }
        }
        c.models = models(file, raw.models, &at)?;
        if let Some(n) = raw.max_findings {
            let value = usize::try_from(*n.get_ref()).map_err(|_| {
                bad(
                    n.span(),
                    "max_findings must be a whole number, 0 or more".into(),
                )
            })?;
            c.max_findings = Setting {
                value,
                origin: at(n.span()),
            };
        }
        Ok(c)
    }

    /// Command-line flags over the file (flags win; `--glossary` layers are
    /// added over the file's).
    pub fn apply_flags(&mut self, flags: &Flags) {
        if let Some(l) = flags.lang {
            self.lang = Setting {
                value: Some(l),
                origin: Origin::Flag("--lang"),
            };
        }
        if let Some(d) = flags.definition {
            self.definition = Setting {
                value: d,
                origin: Origin::Flag("--definition"),
            };
        }
        if let Some(f) = flags.fail_on {
            self.fail_on = Setting {
                value: f,
                origin: Origin::Flag("--fail-on"),
            };
        }
        if let Some(s) = flags.style {
            self.style = Setting {
                value: s,
                origin: Origin::Flag("--style"),
            };
        }
        if let Some(n) = flags.max_findings {
            self.max_findings = Setting {
                value: n,
                origin: Origin::Flag("--max-findings"),
            };
        }
        self.glossary.extend(flags.glossary.iter().map(|g| Setting {
            value: g.clone(),
            origin: Origin::Flag("--glossary"),
        }));
    }

    /// The severity policy, with model names resolved against `glossary`
    /// (an unknown name is an error at its line).
    pub fn policy(&self, glossary: &Glossary) -> Result<Policy, ConfigError> {
        let s = &self.severity;
        let mut p = Policy {
            restricted_weights: s.restricted_weights.value,
            closed: s.closed.value,
            open_weights: s.open_weights.value,
            attributed: s.attributed.value,
            models: Default::default(),
        };
        for rule in &self.models {
            let Some(model) = glossary
                .model(&rule.name)
                .or_else(|| glossary.find(&rule.name))
            else {
                let (file, line, column) = match &rule.origin {
                    Origin::File { path, line, column } => (path.clone(), *line, *column),
                    _ => (self.file.clone().unwrap_or_default(), 1, 1),
                };
                return Err(ConfigError {
                    file,
                    line,
                    column,
                    message: format!(
                        "models.\"{}\": no such model in the glossary (see `openclaim glossary list`)",
                        rule.name
                    ),
                });
            };
            p.models.insert(model.id.clone(), rule.severity);
        }
        Ok(p)
    }

    /// Engine options for this configuration.
    pub fn options(
        &self,
        glossary: &Glossary,
        as_of: Option<Date>,
        explain: bool,
    ) -> Result<Options, ConfigError> {
        Ok(Options {
            lang: self.lang.value,
            definition: self.definition.value,
            as_of,
            explain,
            policy: self.policy(glossary)?,
            max_findings: self.max_findings.value,
        })
    }

    /// The effective configuration as TOML, each value followed by where it
    /// came from; the output is itself a valid configuration file.
    pub fn render(&self) -> String {
        fn row(out: &mut String, key: &str, origin: Option<&Origin>) {
            out.push_str(key);
            if let Some(o) = origin {
                let pad = 34usize.saturating_sub(key.chars().count()).max(1);
                out.push_str(&format!("{}# {o}", " ".repeat(pad)));
            }
            out.push('\n');
        }
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::new();
        let lang = self.lang.value.map(Lang::as_str).unwrap_or("auto");
        row(
            &mut out,
            &format!("lang = {}", q(lang)),
            Some(&self.lang.origin),
        );
        let definition = match self.definition.value {
            Definition::Osaid => "osaid",
            Definition::License => "license",
        };
        row(
            &mut out,
            &format!("definition = {}", q(definition)),
            Some(&self.definition.origin),
        );
        row(
            &mut out,
            &format!("fail_on = {}", q(self.fail_on.value.as_str())),
            Some(&self.fail_on.origin),
        );
        row(
            &mut out,
            &format!("style = {}", q(self.style.value.name())),
            Some(&self.style.origin),
        );
        for (key, list) in [("glossary", &self.glossary), ("ignore", &self.ignore)] {
            if list.is_empty() {
                row(&mut out, &format!("{key} = []"), Some(&Origin::Default));
                continue;
            }
            row(&mut out, &format!("{key} = ["), None);
            for s in list {
                row(&mut out, &format!("  {},", q(&s.value)), Some(&s.origin));
            }
            row(&mut out, "]", None);
        }
        row(
            &mut out,
            &format!("max_findings = {}", self.max_findings.value),
            Some(&self.max_findings.origin),
        );
        out.push_str("\n[severity]\n");
        let s = &self.severity;
        for (key, v) in [
            ("restricted-weights", &s.restricted_weights),
            ("closed", &s.closed),
            ("open-weights", &s.open_weights),
            ("attributed", &s.attributed),
        ] {
            row(
                &mut out,
                &format!("{key} = {}", q(level_str(v.value))),
                Some(&v.origin),
            );
        }
        for m in &self.models {
            out.push_str(&format!("\n[models.{}]\n", q(&m.name)));
            let rule = match m.severity {
                None => "accept = true".to_string(),
                Some(s) => format!("severity = {}", q(s.as_str())),
            };
            row(&mut out, &rule, Some(&m.origin));
            if let Some(r) = &m.reason {
                row(&mut out, &format!("reason = {}", q(r)), None);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml("c.toml", text)
    }

    #[test]
    fn defaults_equal_the_severity_table() {
        let c = Config::default();
        let o = c
            .options(Glossary::embedded(), None, false)
            .expect("options");
        assert_eq!(o.policy, Policy::default());
        assert_eq!(o.definition, Definition::Osaid);
        assert_eq!(o.lang, None);
    }

    #[test]
    fn a_full_file_parses_with_origins() {
        let text = "lang = \"nl\"\nfail_on = \"note\"\nstyle = \"footnote\"\nglossary = [\"g\"]\nignore = [\"drafts/\"]\n\n[severity]\nrestricted-weights = \"note\"\nattributed = \"none\"\n\n[models.\"OLMo 2\"]\naccept = true\nreason = \"house style\"\n\n[models.\"gpt-4o\"]\nseverity = \"note\"\n";
        let c = parse(text).expect("parses");
        assert_eq!(c.lang.value, Some(Lang::Nl));
        assert_eq!(
            c.lang.origin,
            Origin::File {
                path: "c.toml".into(),
                line: 1,
                column: 8
            }
        );
        assert_eq!(c.fail_on.value, FailOn::Note);
        assert_eq!(c.style.value, Style::Footnote);
        assert_eq!(c.glossary[0].value, "g");
        assert_eq!(c.severity.restricted_weights.value, Some(Severity::Note));
        assert_eq!(c.severity.attributed.value, None);
        assert_eq!(c.severity.closed.origin, Origin::Default);
        assert_eq!(c.models.len(), 2);
        let olmo = c.models.iter().find(|m| m.name == "OLMo 2").expect("olmo");
        assert_eq!(olmo.severity, None);
        assert!(
            olmo.origin.to_string().starts_with("c.toml:11:"),
            "{}",
            olmo.origin
        );
        let p = c.policy(Glossary::embedded()).expect("policy");
        assert_eq!(p.models.get("gpt-4o"), Some(&Some(Severity::Note)));
        assert_eq!(p.models.len(), 2);
        // The rendering is itself a configuration that means the same.
        let again = parse(&c.render()).expect("render parses");
        assert_eq!(
            again.policy(Glossary::embedded()).expect("policy"),
            p,
            "{}",
            c.render()
        );
        assert_eq!(again.style.value, Style::Footnote);
        assert_eq!(again.ignore[0].value, "drafts/");
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_the_line() {
        let e = parse("lang = \"nl\"\ncolour = true\n").expect_err("unknown key");
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("unknown field `colour`"), "{e}");
        let e = parse("\n\ndefinition = \"gpl\"\n").expect_err("bad value");
        assert_eq!(
            e.to_string(),
            "c.toml:3:14: unknown definition 'gpl': expected osaid or license"
        );
        let e = parse("[severity]\nopen-source = \"note\"\n").expect_err("unknown status");
        assert_eq!(e.line, 2, "{e}");
        let e = parse("[severity]\nclosed = \"error\"\n").expect_err("bad level");
        assert!(
            e.to_string()
                .starts_with("c.toml:2:10: unknown severity 'error'"),
            "{e}"
        );
        let e =
            parse("[models.x]\naccept = true\nseverity = \"note\"\n").expect_err("contradiction");
        assert_eq!(e.line, 3, "{e}");
        let e = parse("[models.x]\nsevere = 1\n").expect_err("unknown model key");
        assert_eq!(e.line, 2, "{e}");
        let e = parse("lang = [1]\n").expect_err("wrong type");
        assert_eq!(e.line, 1, "{e}");
        let c = parse("[models.\"no such model\"]\naccept = true\n").expect("parses");
        let e = c.policy(Glossary::embedded()).expect_err("unknown model");
        assert_eq!((e.line, e.column), (1, 1), "{e}");
        assert!(e.message.contains("no such model in the glossary"), "{e}");
    }

    #[test]
    fn flags_win_over_the_file() {
        let mut c =
            parse("lang = \"nl\"\ndefinition = \"license\"\nglossary = [\"a\"]\n").expect("parses");
        c.apply_flags(&Flags {
            lang: Some(Lang::En),
            glossary: vec!["b".into()],
            ..Flags::default()
        });
        assert_eq!(c.lang.value, Some(Lang::En));
        assert_eq!(c.lang.origin, Origin::Flag("--lang"));
        assert_eq!(c.definition.value, Definition::License);
        let g: Vec<&str> = c.glossary.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(g, ["a", "b"]);
        assert_eq!(c.max_findings.value, crate::engine::MAX_FINDINGS);
        c.apply_flags(&Flags {
            max_findings: Some(3),
            ..Flags::default()
        });
        assert_eq!(c.max_findings.value, 3);
        assert_eq!(c.max_findings.origin, Origin::Flag("--max-findings"));
        let shown = c.render();
        assert!(shown.contains("# flag --lang"), "{shown}");
        assert!(shown.contains("# c.toml:2:14"), "{shown}");
    }

    #[test]
    fn accepted_models_are_not_reported_and_explained() {
        let c = parse("[models.\"Llama 3.2\"]\naccept = true\n").expect("parses");
        let mut o = c
            .options(Glossary::embedded(), None, true)
            .expect("options");
        o.lang = Some(Lang::En);
        let e = crate::Engine::new(Glossary::embedded().clone(), o);
        let r = e.check(
            "a.md",
            "Meta's open-source Llama 3.2 model. GPT-4o is open source.\n",
        );
        let ids: Vec<&str> = r.findings.iter().map(|f| f.model.id.as_str()).collect();
        assert_eq!(ids, ["gpt-4o"]);
        let d = r.dismissed.as_ref().expect("explain");
        assert!(
            d.iter()
                .any(|x| x.reason.contains("accepted by the configuration")),
            "{d:?}"
        );
    }
}
