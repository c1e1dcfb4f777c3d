//! The command line, declared once with clap derive.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use openclaim::date::Date;

use super::batch::BatchArgs;
use super::stream::StreamArgs;
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
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct Analysis {
    /// Article language when the front matter has no `lang:` (default: detected)
    #[arg(long, value_parser = parse_lang, global = true)]
    pub lang: Option<Lang>,
    /// What counts as open source: osaid (OSI Open Source AI Definition) or license (an OSI license on the weights)
    #[arg(long, value_parser = parse_definition, default_value = "osaid", global = true)]
    pub definition: Definition,
    /// Extra glossary directory, layered over the embedded glossary (repeatable)
    #[arg(long = "glossary", value_name = "DIR", global = true)]
    pub glossary: Vec<PathBuf>,
    /// Judge by the facts in force on this date (YYYY-MM-DD), overriding front matter `date:`
    #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
    pub as_of: Option<Date>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report open-source claims as diagnostics
    Check {
        /// Files, directories (every .md and .markdown below, hidden and .gitignored ones too) or - for stdin
        #[arg(required = true)]
        paths: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Lowest severity that makes the exit code 1
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Also list claim terms that produced no finding, and why
        #[arg(long)]
        explain: bool,
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
        /// Annotation style
        #[arg(long, value_parser = parse_style, default_value = "critic")]
        style: Style,
        /// Lowest severity that makes the exit code 1
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Check JSONL records from stdin ({"id": ..., "markdown": ...}), one JSONL result per record on stdout, in order
    Stream(StreamArgs),
    /// Remove the annotations openclaim inserted, and nothing else
    Strip {
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write to FILE instead of standard output (one input only)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Measure the checker on labelled sentences (TSV: id, lang, text, model, label, note)
    Eval {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Exit 1 when precision falls below this
        #[arg(long)]
        min_precision: Option<f64>,
        /// Exit 1 when recall falls below this
        #[arg(long)]
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
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// A table of every model: name, developer, license, status
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// One entry with its facts and sources (aliases resolve)
    Show {
        name: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        analysis: Analysis,
    },
    /// Validate a glossary directory (default: the embedded glossary)
    Check { dir: Option<PathBuf> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Compact,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Warning,
    Note,
    Never,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

fn parse_definition(s: &str) -> Result<Definition, String> {
    s.parse()
}

fn parse_style(s: &str) -> Result<Style, String> {
    s.parse()
        .map_err(|e: openclaim::annotate::ParseStyleError| e.to_string())
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}
