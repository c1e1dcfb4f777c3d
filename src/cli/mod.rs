//! Binary-only code: arguments, file system, output and exit codes. The
//! library never sees any of it.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod batch;
mod color;
mod commands;
mod config;
mod dest;
mod diff;
mod inputs;
mod language;
mod output;
mod pool;
mod progress;
mod sarif;
mod serve;
mod stream;
mod summary;
mod values;
mod walk;
mod write;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Analysis, Cli, ColorWhen, Command, FailOn};
pub use config::{Configs, Settings};

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { 0 });
        }
    };
    let color = cli.color;
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            fail_on,
            no_exit,
            explain,
            verbose,
            batch,
            analysis,
        } => commands::check(
            &paths,
            commands::CheckArgs {
                format,
                fail_on,
                no_exit,
                explain,
                verbose,
                color,
            },
            &batch,
            &analysis,
        ),
        Command::Annotate {
            paths,
            output,
            out_dir,
            in_place,
            style,
            fail_on,
            no_exit,
            batch,
            analysis,
        } => {
            let dest = dest::Dest::from_flags(output, out_dir, in_place, false);
            commands::annotate(&paths, dest, style, fail_on, no_exit, &batch, &analysis)
        }
        Command::Fix {
            paths,
            output,
            out_dir,
            in_place,
            diff,
            dismissed,
            fail_on,
            no_exit,
            batch,
            analysis,
        } => {
            let dest = dest::Dest::from_flags(output, out_dir, in_place, diff);
            commands::fix(&paths, dest, dismissed, fail_on, no_exit, &batch, &analysis)
        }
        Command::Stream(args) => stream::stream(&args),
        Command::Strip {
            paths,
            output,
            out_dir,
            in_place,
            encoding,
        } => commands::strip(
            &paths,
            dest::Dest::from_flags(output, out_dir, in_place, false),
            encoding,
        ),
        Command::Eval {
            files,
            min_precision,
            min_recall,
            analysis,
        } => commands::eval(&files, min_precision, min_recall, &analysis),
        Command::Glossary { command } => commands::glossary(command),
        Command::Serve(args) => serve::run(&args),
        Command::Config { command } => commands::config(command),
        Command::Explain {
            model,
            sentence,
            analysis,
        } => commands::explain(model.as_deref(), sentence.as_deref(), &analysis),
        Command::Completions { shell } => commands::completions(shell),
        Command::Man { dir } => commands::man(dir.as_deref()),
    };
    // Whatever was buffered goes out now, so that its failure still counts.
    if let Err(e) = std::io::stdout().flush() {
        write_failed(&e);
    }
    ExitCode::from(if any_write_failed() { EXIT_ERROR } else { code })
}

/// The settings for the working directory: its .openclaim.toml (or
/// --config, or none with --no-config) under the analysis flags.
pub fn cwd_settings(
    analysis: &Analysis,
    explain: bool,
) -> Result<std::sync::Arc<Settings>, String> {
    Configs::new(analysis, None, None, explain).for_cwd()
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
pub fn emit(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => true,
        Err(e) => {
            write_failed(&e);
            false
        }
    }
}

/// Set once any write of a report or of annotated text has failed for a
/// reason other than a closed pipe; the run then ends with [`EXIT_ERROR`].
static WRITE_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records a failed write to standard output and says so on stderr, once.
///
/// A closed pipe (`openclaim check … | head`) is the reader's choice, not a
/// fault, and stays quiet; anything else (a full disk, `/dev/full`, an I/O
/// error) means output was lost, so the exit code must not claim success.
pub fn write_failed(e: &std::io::Error) {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return;
    }
    if !WRITE_FAILED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        eprintln!("error: cannot write to standard output: {e}");
    }
}

fn any_write_failed() -> bool {
    WRITE_FAILED.load(std::sync::atomic::Ordering::SeqCst)
}

pub fn error(message: &str) {
    eprintln!("error: {message}");
}
