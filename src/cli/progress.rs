//! The progress bar on a terminal's stderr: files, MB, findings, rate, ETA.
//! Absent when stderr is not a terminal or with --quiet; then every message
//! goes straight to stderr.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::summary::Stats;
use super::walk::{Inputs, WalkOptions};

/// Counts the inputs of a run on a side thread, so the bar has a length and
/// an ETA without holding the list.
struct Counter {
    found: AtomicU64,
    done: AtomicBool,
    stop: AtomicBool,
}

pub struct Progress {
    bar: Option<ProgressBar>,
    counter: Option<Arc<Counter>>,
    last: Instant,
}

/// What a person typing an article at the terminal is told, so that a
/// command waiting for standard input does not look like one that hangs.
pub const STDIN_HINT: &str =
    "openclaim: reading the article from standard input; end it with Ctrl-D";

/// What stderr shows while a run works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shows {
    /// The standard-input hint.
    pub hint: bool,
    /// The progress bar.
    pub bar: bool,
}

impl Shows {
    /// A bar only on a terminal, for more than one input, and never while
    /// a person types an article into the terminal: it would spin at
    /// "0/0 files" over what they type. One file or standard input is read
    /// in a moment, and a bar would only be left behind on the terminal.
    pub fn decide(
        quiet: bool,
        args: &[String],
        stdin_terminal: bool,
        stderr_terminal: bool,
    ) -> Shows {
        let typed = stdin_terminal && args.iter().any(|a| a == "-");
        let single =
            args.len() == 1 && (args[0] == "-" || std::path::Path::new(&args[0]).is_file());
        Shows {
            hint: typed,
            bar: !quiet && !single && !typed && stderr_terminal,
        }
    }
}

const TEMPLATE: &str =
    "{spinner} {pos}/{len} files  {msg}  [{elapsed_precise}, ETA {eta}] {wide_bar}";

impl Progress {
    pub fn new(quiet: bool, args: &[String], options: &WalkOptions) -> Progress {
        let shows = Shows::decide(
            quiet,
            args,
            std::io::stdin().is_terminal(),
            std::io::stderr().is_terminal(),
        );
        if shows.hint {
            eprintln!("{STDIN_HINT}");
        }
        if !shows.bar {
            return Progress {
                bar: None,
                counter: None,
                last: Instant::now(),
            };
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(TEMPLATE) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        let counter = Arc::new(Counter {
            found: AtomicU64::new(0),
            done: AtomicBool::new(false),
            stop: AtomicBool::new(false),
        });
        let c = Arc::clone(&counter);
        let (args, options) = (args.to_vec(), options.clone());
        let spawned = std::thread::Builder::new()
            .name("openclaim-count".into())
            .spawn(move || {
                for item in Inputs::new(&args, &options) {
                    if c.stop.load(Ordering::Relaxed) {
                        return;
                    }
                    if item.error.is_none() {
                        c.found.fetch_add(1, Ordering::Relaxed);
                    }
                }
                c.done.store(true, Ordering::Relaxed);
            });
        Progress {
            bar: Some(bar),
            counter: spawned.is_ok().then_some(counter),
            last: Instant::now(),
        }
    }

    /// Shows the totals so far (redrawn at most ten times a second).
    pub fn update(&mut self, stats: &Stats) {
        let Some(bar) = &self.bar else {
            return;
        };
        if self.last.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.last = Instant::now();
        let found = self
            .counter
            .as_ref()
            .map_or(0, |c| c.found.load(Ordering::Relaxed));
        bar.set_length(found.max(stats.files));
        bar.set_position(stats.files);
        bar.set_message(format!(
            "{:.1} MB  {} findings  {} errors  {:.1} MB/s",
            stats.mb(),
            stats.findings(),
            stats.errors,
            stats.mb_per_s()
        ));
    }

    /// An error line, printed above the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(c) = &self.counter {
            c.stop.store(true, Ordering::Relaxed);
        }
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn typing_at_the_terminal_gets_the_hint_and_no_bar() {
        let dir = args(&["src"]);
        let with_stdin = args(&["-", "src"]);
        let hint = Shows {
            hint: true,
            bar: false,
        };
        assert_eq!(Shows::decide(false, &args(&["-"]), true, true), hint);
        assert_eq!(Shows::decide(false, &with_stdin, true, true), hint);
        assert_eq!(Shows::decide(true, &with_stdin, true, true), hint);
        // Piped in: no hint, and the bar as for any run of many inputs.
        let bar = Shows {
            hint: false,
            bar: true,
        };
        assert_eq!(Shows::decide(false, &with_stdin, false, true), bar);
        assert_eq!(Shows::decide(false, &dir, true, true), bar);
        let none = Shows {
            hint: false,
            bar: false,
        };
        assert_eq!(Shows::decide(false, &dir, true, false), none);
        assert_eq!(Shows::decide(true, &dir, true, true), none);
    }
}
