//! Batch runs of `check` and `annotate`: inputs are walked lazily, analysed
//! on every core, and written in input order as they finish. One bad file
//! (unreadable, vanished, binary, invalid UTF-8, too large, or one that
//! trips a bug in the analysis) becomes an error line and a counted error;
//! the run goes on and the exit code is 2 at the end.

use std::io::{Read, Write};
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use clap::Args;

use openclaim::error::InputError;
use openclaim::report::FileReport;
use openclaim::source;

use super::args::Format;
use super::config::{Configs, Settings};
use super::dest::prepare_out_dir;
pub use super::dest::Dest;
use super::inputs::{io_message, Input};
use super::pool::{ordered_map, Sink};
use super::progress::Progress;
use super::summary::{Record, Stats, Written};
use super::walk::{Inputs, Item, WalkOptions};
use super::write::{same_file, write_article};
use super::{output, sarif, EXIT_ERROR, EXIT_FINDINGS};

/// Options shared by `check` and `annotate` for runs over many files.
#[derive(Debug, Args, Clone)]
pub struct BatchArgs {
    /// Worker threads (default: every core)
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Only walk paths matching GLOB, or skip them with !GLOB (gitignore syntax, relative to each directory; repeatable). An including glob also admits files that are not .md
    #[arg(long = "glob", value_name = "GLOB", allow_hyphen_values = true)]
    pub globs: Vec<String>,
    /// Follow symbolic links inside directories (they are skipped by default)
    #[arg(long)]
    pub follow: bool,
    /// Report any input larger than this as an error instead of reading it (suffixes K, M, G: KiB, MiB, GiB)
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,
    /// Read inputs in this encoding (annotate and fix write files back in it)
    #[arg(long, value_name = "ENCODING", value_parser = super::values::encoding())]
    pub encoding: Option<source::Encoding>,
    /// No progress bar and no summary (error lines are still printed)
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Print the batch summary on stderr even for a single input
    #[arg(long, conflicts_with = "quiet")]
    pub summary: bool,
}

impl BatchArgs {
    pub fn threads(&self) -> usize {
        self.jobs.map(NonZeroUsize::get).unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(NonZeroUsize::get)
                .unwrap_or(1)
        })
    }

    pub fn walk_options(&self, skip: Option<PathBuf>) -> WalkOptions {
        WalkOptions {
            globs: self.globs.clone(),
            follow: self.follow,
            skip,
        }
    }
}

pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m: u64 = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => {
                    return Err(format!(
                        "'{s}': expected a number of bytes, e.g. 65536 or 64M"
                    ))
                }
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("'{s}': expected a number of bytes, e.g. 65536 or 64M"))
}

#[derive(Debug, Clone)]
pub enum Mode {
    Check {
        format: Format,
        explain: bool,
        human: output::Human,
    },
    /// The style comes from each file's configuration (or --style). With
    /// `fix`, the corrected text instead, leaving the findings with these ids.
    Annotate {
        dest: Dest,
        fix: Option<Vec<String>>,
    },
}

/// Reads an input, refusing one over `max` bytes before reading it.
/// Returns the bytes and, for a file, its metadata.
pub fn read_input(input: &Input, max: u64) -> Result<(Vec<u8>, Option<std::fs::Metadata>), String> {
    let name = input.name();
    let too_large = |size: u64| {
        InputError::TooLarge {
            file: name.clone(),
            size,
            limit: max,
        }
        .to_string()
            + " (--max-bytes)"
    };
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(max.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(|e| format!("{name}: {}", io_message(&e)))?;
            if buf.len() as u64 > max {
                return Err(format!(
                    "{name}: more than {max} bytes exceeds the limit (--max-bytes)"
                ));
            }
            Ok((buf, None))
        }
        Input::File(p) => {
            let fail = |e: std::io::Error| format!("{name}: {}", io_message(&e));
            // Open, then look at the open file's size before reading a byte:
            // one path lookup per file instead of two.
            let file = std::fs::File::open(p).map_err(fail)?;
            let meta = file.metadata().map_err(fail)?;
            if meta.is_dir() {
                return Err(format!("{name}: is a directory"));
            }
            if meta.is_file() && meta.len() > max {
                return Err(too_large(meta.len()));
            }
            let mut buf = Vec::with_capacity(meta.len().min(max) as usize);
            file.take(max.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(fail)?;
            if buf.len() as u64 > max {
                return Err(too_large(buf.len() as u64));
            }
            Ok((buf, Some(meta)))
        }
    }
}

/// The message of a caught panic.
pub fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// One input as read: its text, the encoding a rewrite must be written
/// in, and (for a file) its metadata.
#[derive(Clone, Copy)]
struct Loaded<'a> {
    text: &'a str,
    encoding: source::Encoding,
    meta: Option<&'a std::fs::Metadata>,
}

struct Worker<'a> {
    configs: &'a Configs,
    mode: &'a Mode,
    max_bytes: u64,
    encoding: Option<source::Encoding>,
    cwd: PathBuf,
}

impl Worker<'_> {
    fn process(&self, item: Item) -> Record {
        let name = item.input.name();
        let mut rec = Record::default();
        let explain = matches!(self.mode, Mode::Check { explain: true, .. });
        let failed = |rec: &mut Record, message: String| {
            let report = FileReport {
                path: name.clone(),
                lang: None,
                error: Some(message.clone()),
                findings: Vec::new(),
                suppressed: 0,
                dismissed: explain.then(Vec::new),
            };
            rec.error = Some(message);
            report
        };
        if let Some(e) = item.error {
            let report = failed(&mut rec, e);
            self.render(&report, None, &mut rec);
            return rec;
        }
        let (config_file, settings) = self.configs.for_input(&item.input);
        let settings = match settings {
            Ok(s) => s,
            Err(e) => {
                let config = config_file
                    .as_deref()
                    .map(super::config::display)
                    .unwrap_or_default();
                let report = failed(
                    &mut rec,
                    format!("{name}: not checked: the configuration {config} has errors"),
                );
                rec.config_error = Some(e);
                self.render(&report, None, &mut rec);
                return rec;
            }
        };
        if let Input::File(p) = &item.input {
            if settings.ignores(p) {
                rec.ignored = true;
                return rec;
            }
        }
        let (bytes, meta) = match read_input(&item.input, self.max_bytes) {
            Ok(x) => x,
            Err(e) => {
                let report = failed(&mut rec, e);
                self.render(&report, None, &mut rec);
                return rec;
            }
        };
        rec.bytes = bytes.len() as u64;
        let decoded = match source::decode_as(&name, &bytes, self.encoding) {
            Ok(t) => t,
            Err(e) => {
                let report = failed(&mut rec, e.to_string());
                self.render(&report, None, &mut rec);
                return rec;
            }
        };
        let text: &str = &decoded;
        let encoding = openclaim::encode::encoding_of(&bytes, self.encoding);
        if let Some(e) = openclaim::engine::too_long(text.len()).map(|e| format!("{name}: {e}")) {
            let report = failed(&mut rec, e);
            self.render(&report, None, &mut rec);
            return rec;
        }
        if let Some(e) = super::language::refuse(&name, text, settings.engine.options().lang) {
            let report = failed(&mut rec, e);
            self.render(&report, None, &mut rec);
            return rec;
        }
        let analysed = catch_unwind(AssertUnwindSafe(|| {
            let read = Loaded {
                text,
                encoding,
                meta: meta.as_ref(),
            };
            self.analyse(&settings, &item, &name, &read, &mut rec)
        }));
        let report = match analysed {
            Ok(report) => report,
            Err(panic) => {
                rec.stdout.clear();
                rec.written = Written::No;
                failed(
                    &mut rec,
                    format!(
                        "{name}: internal error while analysing this file ({}); please report it",
                        panic_message(panic.as_ref())
                    ),
                )
            }
        };
        rec.count(&report.findings, report.suppressed, settings.fail_on());
        self.render(&report, Some(text), &mut rec);
        rec
    }

    fn analyse(
        &self,
        settings: &Settings,
        item: &Item,
        name: &str,
        read: &Loaded<'_>,
        rec: &mut Record,
    ) -> FileReport {
        let Loaded {
            text,
            encoding,
            meta,
        } = *read;
        match self.mode {
            Mode::Check { .. } => {
                let result = settings.engine.check(name, text);
                self.note_truncated(settings, name, result.truncated, rec);
                result.report
            }
            Mode::Annotate { dest, fix } => {
                let (annotated, result) = match fix {
                    Some(dismissed) => {
                        settings
                            .engine
                            .fix(name, text, settings.engine.options().lang, dismissed)
                    }
                    None => settings.engine.annotate(name, text, settings.style()),
                };
                self.note_truncated(settings, name, result.truncated, rec);
                let mode = meta.map(|m| m.permissions());
                let target = match dest {
                    Dest::Stdout => {
                        rec.stdout = annotated;
                        return result.report;
                    }
                    Dest::Diff => {
                        rec.stdout = super::diff::unified(name, text, &annotated);
                        return result.report;
                    }
                    Dest::File(p) => Some(p.clone()),
                    Dest::OutDir(dir) => item.rel.as_ref().map(|r| dir.join(r)),
                    Dest::InPlace => match &item.input {
                        Input::File(_) if annotated == text => {
                            rec.written = Written::Unchanged;
                            return result.report;
                        }
                        Input::File(p) => Some(p.clone()),
                        Input::Stdin => None,
                    },
                };
                let written = match target {
                    None => Err(format!(
                        "{name}: cannot be mirrored into --out-dir or rewritten in place; use -o FILE"
                    )),
                    Some(t) => self.write(&t, &annotated, encoding, meta, mode, dest),
                };
                match written {
                    Ok(()) => rec.written = Written::Yes,
                    Err(e) => rec.error = Some(e),
                }
                result.report
            }
        }
    }

    fn note_truncated(&self, settings: &Settings, name: &str, truncated: bool, rec: &mut Record) {
        if truncated {
            rec.truncated = Some(format!(
                "warning: {name}: stopped after {} findings (--max-findings); the rest of the file was not checked",
                settings.engine.options().max_findings
            ));
        }
    }

    fn write(
        &self,
        target: &Path,
        text: &str,
        encoding: source::Encoding,
        meta: Option<&std::fs::Metadata>,
        mode: Option<std::fs::Permissions>,
        dest: &Dest,
    ) -> Result<(), String> {
        if !matches!(dest, Dest::InPlace) && meta.is_some_and(|m| same_file(m, target)) {
            return Err(format!(
                "{}: the output would overwrite the input; use --in-place to rewrite files",
                target.display()
            ));
        }
        if let Dest::OutDir(_) = dest {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {}", parent.display(), io_message(&e)))?;
            }
        }
        write_article(target, text, encoding, mode)
    }

    /// What standard output gets for this file, rendered on the worker.
    fn render(&self, report: &FileReport, text: Option<&str>, rec: &mut Record) {
        let Mode::Check { format, human, .. } = self.mode else {
            return;
        };
        match format {
            Format::Human => output::human(report, text, human, &mut rec.stdout),
            Format::Sarif => {
                let results: Vec<String> = report
                    .findings
                    .iter()
                    .map(|f| {
                        serde_json::to_string(&sarif::result(f, &report.path, text, &self.cwd))
                            .unwrap_or_default()
                    })
                    .collect();
                rec.stdout = results.join(",\n");
                rec.taxa = report
                    .findings
                    .iter()
                    .map(|f| (sarif::taxon_id(f), sarif::taxon(f)))
                    .collect();
            }
            Format::Rdjsonl => {
                for f in &report.findings {
                    rec.stdout
                        .push_str(&sarif::rdjson_lines(f, &report.path, text, &self.cwd));
                }
            }
            Format::Compact => output::compact(report, human.verbose, &mut rec.stdout),
            Format::Jsonl => {
                rec.stdout = output::jsonl_line(report, rec.truncated.is_some());
                rec.stdout.push('\n');
            }
            Format::Json => rec.stdout = output::json_file(report, rec.truncated.is_some()),
        }
    }
}

/// Writes results in order: stdout (buffered, flushed whenever no result is
/// waiting), error lines and the progress bar on stderr.
struct Output {
    out: std::io::BufWriter<std::io::Stdout>,
    json: Option<bool>,
    /// SARIF: whether no result was written yet, and the errors for the invocation.
    sarif: Option<(bool, Vec<String>)>,
    /// SARIF: the glossary taxa the results refer to, by id.
    taxa: std::collections::BTreeMap<String, serde_json::Value>,
    /// Configuration errors already printed in full.
    config_errors: std::collections::HashSet<String>,
    stats: Stats,
    progress: Progress,
    closed: bool,
}

impl Output {
    fn write(&mut self, s: &str) -> bool {
        if self.closed || s.is_empty() {
            return !self.closed;
        }
        if let Err(e) = self.out.write_all(s.as_bytes()) {
            self.closed = true;
            super::write_failed(&e);
        }
        !self.closed
    }

    fn flush(&mut self) {
        if self.closed {
            return;
        }
        if let Err(e) = self.out.flush() {
            self.closed = true;
            super::write_failed(&e);
        }
    }
}

impl Sink<Record> for Output {
    fn put(&mut self, rec: Record) -> bool {
        if let Some(c) = &rec.config_error {
            if self.config_errors.insert(c.clone()) {
                self.progress.println(&format!("error: {c}"));
            }
        }
        if let Some(t) = &rec.truncated {
            self.progress.println(t);
        }
        if let Some(e) = &rec.error {
            self.progress.println(&format!("error: {e}"));
            if let Some((_, errors)) = self.sarif.as_mut() {
                errors.push(rec.config_error.clone().unwrap_or_else(|| e.clone()));
            }
        }
        self.stats.add(&rec);
        for (id, taxon) in &rec.taxa {
            self.taxa.entry(id.clone()).or_insert_with(|| taxon.clone());
        }
        if rec.ignored {
            self.progress.update(&self.stats);
            return true;
        }
        if let Some((first, _)) = self.sarif.as_mut() {
            if !rec.stdout.is_empty() {
                let sep = if *first { "\n" } else { ",\n" };
                *first = false;
                self.write(sep);
            }
        }
        if let Some(first) = self.json.as_mut() {
            let sep = if *first { "\n" } else { ",\n" };
            *first = false;
            self.write(sep);
        }
        let go = self.write(&rec.stdout);
        self.progress.update(&self.stats);
        go
    }

    fn idle(&mut self) {
        self.flush();
    }
}

/// Runs `mode` over `paths` with each file's configuration and returns
/// the exit code (with `no_exit`, 0 unless a file could not be checked).
pub fn run(
    configs: &Configs,
    paths: &[String],
    mode: Mode,
    batch: &BatchArgs,
    no_exit: bool,
) -> u8 {
    if let Err(e) = batch.walk_options(None).validate() {
        super::error(&e);
        return EXIT_ERROR;
    }
    if let Mode::Annotate {
        dest: Dest::OutDir(d),
        ..
    } = &mode
    {
        if let Err(e) = prepare_out_dir(d, paths) {
            super::error(&e);
            return EXIT_ERROR;
        }
    }
    // Only an existing directory has a canonical path, so the out-dir is
    // looked up after it was created: otherwise a first run into a new
    // out-dir below an input would read its own output back.
    let skip = match &mode {
        Mode::Annotate {
            dest: Dest::OutDir(d),
            ..
        } => std::fs::canonicalize(d).ok(),
        _ => None,
    };
    let options = batch.walk_options(skip);
    let json = matches!(
        mode,
        Mode::Check {
            format: Format::Json,
            ..
        }
    );
    let human = matches!(
        mode,
        Mode::Check {
            format: Format::Human,
            ..
        }
    );
    let is_sarif = matches!(
        mode,
        Mode::Check {
            format: Format::Sarif,
            ..
        }
    );
    let cwd = std::env::current_dir()
        .map(|d| super::config::absolute(&d))
        .unwrap_or_default();
    let mut sink = Output {
        out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()),
        json: json.then_some(true),
        sarif: is_sarif.then(|| (true, Vec::new())),
        config_errors: std::collections::HashSet::new(),
        taxa: std::collections::BTreeMap::new(),
        stats: Stats::default(),
        progress: Progress::new(batch.quiet, paths, &options),
        closed: false,
    };
    if json {
        sink.write(&output::json_open());
    }
    if is_sarif {
        sink.write(&sarif::open(&cwd));
    }
    let worker = Worker {
        configs,
        mode: &mode,
        max_bytes: batch.max_bytes,
        encoding: batch.encoding,
        cwd,
    };
    ordered_map(
        Inputs::new(paths, &options),
        batch.threads(),
        |item| worker.process(item),
        &mut sink,
    );
    if json {
        let close = output::json_close(sink.json == Some(false));
        sink.write(&close);
    }
    if let Some((_, errors)) = sink.sarif.take() {
        let taxa: Vec<serde_json::Value> = std::mem::take(&mut sink.taxa).into_values().collect();
        sink.write(&sarif::close(&taxa, &errors));
    }
    sink.flush();
    sink.progress.finish();
    let stats = &sink.stats;
    if !batch.quiet {
        if stats.files > 1 || batch.summary {
            eprint!("{}", stats.render());
        } else if human {
            eprintln!("{}", stats.one_line());
        }
    }
    if stats.errors > 0 {
        EXIT_ERROR
    } else if stats.failing > 0 && !no_exit {
        EXIT_FINDINGS
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_suffixes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("4K"), Ok(4096));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
