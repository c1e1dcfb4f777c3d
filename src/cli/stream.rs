//! `openclaim stream`: JSONL in on stdin, one JSONL result per record out
//! on stdout, in input order, for Spark's `RDD.pipe`, Hadoop Streaming and
//! GNU parallel `--pipe`. Lines are read lazily and analysed in parallel with
//! at most a bounded window in flight; output is flushed whenever no result
//! is waiting. A malformed line gives an error result naming the line; the
//! exit code is 0 unless standard input or output fails, because engines
//! such as Spark fail the whole task on a non-zero exit.

use std::io::{BufRead, Write};
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use openclaim::report::Finding;
use openclaim::{Engine, Lang, Style};

use super::batch::{panic_message, parse_size};
use super::pool::{ordered_map_chunks, Sink, CHUNK};
use super::{Analysis, EXIT_ERROR};

#[derive(Debug, Args)]
pub struct StreamArgs {
    /// Input field holding the record id (copied to the result unchanged; any JSON value)
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// Input field holding the Markdown text
    #[arg(long, value_name = "NAME", default_value = "markdown")]
    pub text_field: String,
    /// Also return the annotated Markdown, in "annotated"
    #[arg(long)]
    pub annotate: bool,
    /// Annotation style for --annotate (default: the configuration's `style`, else critic)
    #[arg(long, value_name = "STYLE", value_parser = super::values::style())]
    pub style: Option<Style>,
    /// Worker threads (default: every core)
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Longest input line accepted; a longer one gets an error result (suffixes K, M, G)
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub analysis: Analysis,
}

const READ_FAILED: &str = "cannot read standard input";

/// One input line: its 1-based number and its bytes (or why it has none).
type Line = (u64, Result<Vec<u8>, String>);

/// Lines of a reader, at most `max` bytes each (a longer one is consumed and
/// reported, never held); blank lines are skipped but counted.
struct Lines<R> {
    reader: R,
    number: u64,
    max: u64,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        loop {
            if self.done {
                return None;
            }
            let mut line = Vec::new();
            let mut size: u64 = 0;
            let mut ended = false;
            loop {
                let buf = match self.reader.fill_buf() {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.done = true;
                        self.number += 1;
                        return Some((self.number, Err(format!("{READ_FAILED}: {e}"))));
                    }
                };
                if buf.is_empty() {
                    self.done = true;
                    break;
                }
                let (take, found) = match buf.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (buf.len(), false),
                };
                size += take as u64;
                if size <= self.max.saturating_add(1) {
                    line.extend_from_slice(&buf[..take]);
                }
                self.reader.consume(take);
                if found {
                    ended = true;
                    break;
                }
            }
            if !ended && size == 0 {
                return None;
            }
            self.number += 1;
            let content = size - u64::from(ended);
            if content > self.max {
                return Some((
                    self.number,
                    Err(format!(
                        "{content} bytes exceeds the limit of {} bytes (--max-bytes)",
                        self.max
                    )),
                ));
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some((self.number, Ok(line)));
        }
    }
}

/// Lines in chunks of up to [`CHUNK`], but only lines that have already
/// arrived: a chunk never waits for input beyond its first line, so a
/// producer that waits for each answer before it writes the next line is
/// answered at once. A failure to read standard input is kept in `failed`.
struct Arrived<'a, R> {
    lines: Lines<std::io::BufReader<R>>,
    failed: &'a std::sync::Mutex<Option<String>>,
}

impl<R: std::io::Read> Iterator for Arrived<'_, R> {
    type Item = Vec<Line>;

    fn next(&mut self) -> Option<Vec<Line>> {
        let mut chunk = vec![self.line()?];
        while chunk.len() < CHUNK && self.complete_line_buffered() {
            match self.line() {
                Some(l) => chunk.push(l),
                None => break,
            }
        }
        Some(chunk)
    }
}

impl<R: std::io::Read> Arrived<'_, R> {
    fn line(&mut self) -> Option<Line> {
        let line = self.lines.next()?;
        if self.lines.done {
            if let (_, Err(e)) = &line {
                if e.starts_with(READ_FAILED) {
                    if let Ok(mut f) = self.failed.lock() {
                        *f = Some(e.clone());
                    }
                }
            }
        }
        Some(line)
    }

    /// Whether reading the next non-blank line needs no more input.
    fn complete_line_buffered(&self) -> bool {
        if self.lines.done {
            return false;
        }
        let mut blank = true;
        for &b in self.lines.reader.buffer() {
            if b == b'\n' {
                if !blank {
                    return true;
                }
            } else if !b.is_ascii_whitespace() {
                blank = false;
            }
        }
        false
    }
}

#[derive(Serialize)]
struct Out<'a> {
    id: &'a Value,
    line: u64,
    lang: Option<Lang>,
    error: Option<String>,
    findings: &'a [Finding],
    /// The findings stopped at the per-file cap (`--max-findings`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotated: Option<String>,
}

fn result_line(
    engine: &Engine,
    style: Style,
    args: &StreamArgs,
    number: u64,
    line: Result<Vec<u8>, String>,
) -> String {
    let null = Value::Null;
    fn failed(id: &Value, number: u64, message: String) -> Out<'_> {
        Out {
            id,
            line: number,
            lang: None,
            error: Some(format!("line {number}: {message}")),
            findings: &[],
            truncated: false,
            annotated: None,
        }
    }
    let error = |id, message| failed(id, number, message);
    let render = |out: &Out| {
        serde_json::to_string(out).unwrap_or_else(|e| {
            format!("{{\"id\":null,\"line\":{number},\"error\":\"cannot encode the result: {e}\"}}")
        })
    };
    let bytes = match line {
        Ok(b) => b,
        Err(e) => return render(&error(&null, e)),
    };
    let record: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return render(&error(&null, format!("invalid JSON: {e}"))),
    };
    let Value::Object(fields) = &record else {
        return render(&error(&null, "expected a JSON object".into()));
    };
    let id = fields.get(&args.id_field).unwrap_or(&null);
    let Some(text) = fields.get(&args.text_field).and_then(Value::as_str) else {
        return render(&error(
            id,
            format!("field \"{}\" is missing or not a string", args.text_field),
        ));
    };
    let name = match id {
        Value::String(s) => s.clone(),
        Value::Null => format!("<stdin>:{number}"),
        other => other.to_string(),
    };
    let analysed = catch_unwind(AssertUnwindSafe(|| {
        if args.annotate {
            let (annotated, result) = engine.annotate(&name, text, style);
            (result, Some(annotated))
        } else {
            (engine.check(&name, text), None)
        }
    }));
    match analysed {
        Ok((result, annotated)) => render(&Out {
            id,
            line: number,
            lang: result.report.lang,
            error: result.report.error,
            findings: &result.report.findings,
            truncated: result.truncated,
            annotated,
        }),
        Err(p) => render(&error(
            id,
            format!(
                "internal error while analysing this record ({}); please report it",
                panic_message(p.as_ref())
            ),
        )),
    }
}

struct Output {
    out: std::io::BufWriter<std::io::Stdout>,
    failed: Option<std::io::Error>,
}

impl Sink<String> for Output {
    fn put(&mut self, mut line: String) -> bool {
        line.push('\n');
        if let Err(e) = self.out.write_all(line.as_bytes()) {
            self.failed = Some(e);
            return false;
        }
        true
    }

    fn idle(&mut self) {
        if self.failed.is_none() {
            if let Err(e) = self.out.flush() {
                self.failed = Some(e);
            }
        }
    }
}

pub fn stream(args: &StreamArgs) -> u8 {
    let settings = match super::Configs::new(&args.analysis, None, args.style, false).for_cwd() {
        Ok(s) => s,
        Err(e) => {
            super::error(&e);
            return EXIT_ERROR;
        }
    };
    let threads = args.jobs.map(NonZeroUsize::get).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(NonZeroUsize::get)
            .unwrap_or(1)
    });
    let lines = Lines {
        reader: std::io::BufReader::with_capacity(256 * 1024, std::io::stdin()),
        number: 0,
        max: args.max_bytes,
        done: false,
    };
    let mut sink = Output {
        out: std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout()),
        failed: None,
    };
    let read_error = std::sync::Mutex::new(None);
    let chunks = Arrived {
        lines,
        failed: &read_error,
    };
    ordered_map_chunks(
        chunks,
        threads,
        |(n, l)| result_line(&settings.engine, settings.style(), args, n, l),
        &mut sink,
    );
    sink.idle();
    if let Some(e) = read_error.into_inner().ok().flatten() {
        super::error(&e);
        return EXIT_ERROR;
    }
    match sink.failed {
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Some(e) => {
            super::error(&format!("cannot write to standard output: {e}"));
            EXIT_ERROR
        }
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, max: u64) -> Vec<(u64, Result<String, String>)> {
        Lines {
            reader: std::io::BufReader::with_capacity(4, input.as_bytes()),
            number: 0,
            max,
            done: false,
        }
        .map(|(n, l)| (n, l.map(|b| String::from_utf8(b).unwrap())))
        .collect()
    }

    /// Hands out its pieces one `read` at a time, as a pipe does.
    struct Pieces(Vec<&'static str>, std::rc::Rc<std::cell::Cell<usize>>);

    impl std::io::Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1.set(self.1.get() + 1);
            if self.0.is_empty() {
                return Ok(0);
            }
            let p = self.0.remove(0).as_bytes();
            buf[..p.len()].copy_from_slice(p);
            Ok(p.len())
        }
    }

    #[test]
    fn chunks_hold_only_lines_that_have_arrived() {
        let reads = std::rc::Rc::new(std::cell::Cell::new(0));
        let failed = std::sync::Mutex::new(None);
        let mut chunks = Arrived {
            lines: Lines {
                reader: std::io::BufReader::new(Pieces(
                    vec!["a\nb\n\n", "c\n", "d\ne"],
                    reads.clone(),
                )),
                number: 0,
                max: 100,
                done: false,
            },
            failed: &failed,
        };
        let numbers = |c: Vec<Line>| c.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        // "a" and "b" came in one read; the blank line is not worth waiting for.
        assert_eq!(chunks.next().map(numbers), Some(vec![1, 2]));
        assert_eq!(reads.get(), 1);
        assert_eq!(chunks.next().map(numbers), Some(vec![4]));
        assert_eq!(chunks.next().map(numbers), Some(vec![5]));
        assert_eq!(chunks.next().map(numbers), Some(vec![6]));
        assert_eq!(chunks.next(), None);
        assert!(failed.lock().unwrap().is_none());
    }

    #[test]
    fn lines_are_numbered_blank_ones_skipped_long_ones_refused() {
        let got = lines("ab\n\n  \ncdefgh\nij", 4);
        assert_eq!(got[0], (1, Ok("ab\n".into())));
        assert_eq!(got[1].0, 4);
        assert!(got[1].1.as_ref().unwrap_err().contains("6 bytes exceeds"));
        assert_eq!(got[2], (5, Ok("ij".into())));
        assert_eq!(got.len(), 3);
        assert!(lines("", 10).is_empty());
        assert!(lines("\n\n", 10).is_empty());
    }
}
