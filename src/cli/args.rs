//! The command line, declared once with clap derive.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use openclaim::date::Date;

use super::batch::BatchArgs;
use super::stream::StreamArgs;
use super::values;
pub use openclaim::config::FailOn;
use openclaim::{Definition, Lang, Style};

#[derive(Debug, Parser)]
#[command(
    name = "openclaim",
    version,
    about = "Finds and corrects 'open source' claims about AI models in Markdown news articles",
    long_about = "Finds claims that an AI model is \"open source\" in Dutch or English Markdown articles, \
checks each against a license glossary, and reports or annotates what is wrong.\n\n\
Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O error."
)]
pub struct Cli {
    /// Colour in diagnostics
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When writing to a terminal and NO_COLOR is unset
    Auto,
    /// Always, even into a pipe or a file
    Always,
    /// Never
    Never,
}

#[derive(Debug, Args, Clone)]
pub struct Analysis {
    /// Article language when the front matter has no `lang:`
    #[arg(long, value_name = "nl|en|auto", value_parser = values::lang(), global = true)]
    pub lang: Option<LangArg>,
    /// What counts as open source
    #[arg(long, value_name = "osaid|license", value_parser = values::definition(), global = true)]
    pub definition: Option<Definition>,
    /// Extra glossary directory, layered over the embedded glossary (repeatable)
    #[arg(long = "glossary", value_name = "DIR", global = true)]
    pub glossary: Vec<PathBuf>,
    /// Judge by the facts in force on this date (YYYY-MM-DD), overriding front matter `date:`
    #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
    pub as_of: Option<Date>,
    /// Use this configuration file for every input instead of the nearest .openclaim.toml
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Do not read any .openclaim.toml
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// Stop analysing a file after N findings and mark its report "truncated" (default 10000; 0: no limit)
    #[arg(long, value_name = "N", global = true)]
    pub max_findings: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report open-source claims as diagnostics
    Check {
        /// Files, directories (every .md and .markdown below, hidden and .gitignored ones too) or - for stdin
        #[arg(required = true)]
        paths: Vec<String>,
        /// Report format
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Lowest severity that makes the exit code 1
        #[arg(long, value_name = "SEVERITY", value_parser = values::fail_on())]
        fail_on: Option<FailOn>,
        /// Exit 0 even when there are findings (2 still means an error)
        #[arg(long)]
        no_exit: bool,
        /// Also list claim terms that produced no finding, and why
        #[arg(long)]
        explain: bool,
        /// The whole explanation and every fact: in human output wrapped over several lines, in compact output on the line
        #[arg(short = 'v', long)]
        verbose: bool,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Write the corrected article: each offered replacement written in, quotations and claims with no safe wording left as they are
    Fix {
        /// Files, directories or - for stdin
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write to FILE instead of standard output (one input only)
        #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with_all = ["out_dir", "in_place", "diff"])]
        output: Option<PathBuf>,
        /// Write each corrected file below DIR, mirroring its path below its directory argument
        #[arg(long, value_name = "DIR", conflicts_with_all = ["in_place", "diff"])]
        out_dir: Option<PathBuf>,
        /// Rewrite the input files (atomically; files with nothing to fix are left alone)
        #[arg(long, conflicts_with = "diff")]
        in_place: bool,
        /// Print what would change as a unified diff and write nothing
        #[arg(long)]
        diff: bool,
        /// Leave the finding with this id (from the JSON report or the page) as written (repeatable)
        #[arg(long = "dismiss", value_name = "ID")]
        dismissed: Vec<String>,
        /// Lowest severity that makes the exit code 1
        #[arg(long, value_name = "SEVERITY", value_parser = values::fail_on())]
        fail_on: Option<FailOn>,
        /// Exit 0 even when there are findings (2 still means an error)
        #[arg(long)]
        no_exit: bool,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Write the article back with annotations that correct each claim
    Annotate {
        /// Files, directories or - for stdin
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write to FILE instead of standard output (one input only)
        #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with_all = ["out_dir", "in_place"])]
        output: Option<PathBuf>,
        /// Write each annotated file below DIR, mirroring its path below its directory argument
        #[arg(long, value_name = "DIR", conflicts_with = "in_place")]
        out_dir: Option<PathBuf>,
        /// Rewrite the input files (atomically; unchanged files are left alone)
        #[arg(long)]
        in_place: bool,
        /// Annotation style (default: the configuration's `style`, else critic)
        #[arg(long, value_name = "STYLE", value_parser = values::style())]
        style: Option<Style>,
        /// Lowest severity that makes the exit code 1
        #[arg(long, value_name = "SEVERITY", value_parser = values::fail_on())]
        fail_on: Option<FailOn>,
        /// Exit 0 even when there are findings (2 still means an error)
        #[arg(long)]
        no_exit: bool,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Check JSONL records from stdin ({"id": ..., "markdown": ...}), one JSONL result per record on stdout, in order
    Stream(StreamArgs),
    /// Remove the annotations openclaim inserted, and nothing else
    Strip {
        /// Annotated files, directories (every .md and .markdown below) or - for stdin, whose openclaim annotations are removed
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write to FILE instead of standard output (one input only)
        #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with_all = ["out_dir", "in_place"])]
        output: Option<PathBuf>,
        /// Write each stripped file below DIR, mirroring its path below its directory argument
        #[arg(long, value_name = "DIR", conflicts_with = "in_place")]
        out_dir: Option<PathBuf>,
        /// Rewrite the input files (atomically; files with no annotation are left alone)
        #[arg(long)]
        in_place: bool,
        /// Read inputs in this encoding (files are written back in it)
        #[arg(long, value_name = "ENCODING", value_parser = values::encoding())]
        encoding: Option<openclaim::source::Encoding>,
    },
    /// Measure the checker on labelled sentences (TSV: id, lang, text, model, label, note)
    Eval {
        /// Labelled sentence files (.tsv), one row per sentence: id, lang, text, model, label (the expected verdict), note
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Exit 1 when precision falls below this (0 to 1)
        #[arg(long, value_name = "RATIO")]
        min_precision: Option<f64>,
        /// Exit 1 when recall falls below this (0 to 1)
        #[arg(long, value_name = "RATIO")]
        min_recall: Option<f64>,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Inspect and validate the license glossary
    Glossary {
        #[command(subcommand)]
        command: GlossaryCommand,
    },
    /// Start a local web page for editors: paste a draft, see each claim, accept corrections
    Serve(super::serve::ServeArgs),
    /// Show the effective configuration (.openclaim.toml, flags, defaults)
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// What openclaim checks and why; with a model name, why a claim about it would be flagged
    Explain {
        /// A model name, alias or glossary id
        model: Option<String>,
        /// Print the structure of this sentence (tokens, clauses, cues, the
        /// term's phrase and relations) and what the rules decided
        #[arg(long, value_name = "TEXT", conflicts_with = "model")]
        sentence: Option<String>,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell the script is for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into DIR
    Man {
        /// Write openclaim.1 and openclaim-COMMAND.1 files here instead of printing
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// The effective configuration for PATH (default: the working directory), with where each value came from
    Show {
        /// A file or directory whose configuration is shown (default: the working directory)
        path: Option<PathBuf>,
        /// As check and annotate would see it with this --fail-on
        #[arg(long, value_name = "SEVERITY", value_parser = values::fail_on())]
        fail_on: Option<FailOn>,
        /// As annotate would see it with this --style
        #[arg(long, value_name = "STYLE", value_parser = values::style())]
        style: Option<Style>,
        #[command(flatten)]
        analysis: Analysis,
    },
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// A table of every model: name, developer, license, status
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// One entry with its facts and sources (aliases resolve)
    Show {
        /// A model name, alias or glossary id
        name: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Validate a glossary directory (default: the embedded glossary)
    Check {
        /// A glossary directory of .toml files (default: the embedded glossary)
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics as rustc prints them: the line, the claim underlined, the license and a correction
    Human,
    /// One line per finding: path:line:col: severity: message
    Compact,
    /// One JSON report for the whole run (schema/report.schema.json)
    Json,
    /// One JSON object per file, one per line
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// Reviewdog Diagnostic Format, one JSON object per finding and line
    Rdjsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table for reading
    Text,
    /// JSON, for other programs
    Json,
}

/// `--lang`: a language, or `auto` (as in the configuration file) for "detect".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangArg(pub Option<Lang>);

impl Analysis {
    /// The language given with --lang, None for auto or when absent.
    pub fn lang(&self) -> Option<Lang> {
        self.lang.and_then(|l| l.0)
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}
