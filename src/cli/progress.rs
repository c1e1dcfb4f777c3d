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

const TEMPLATE: &str =
    "{spinner} {pos}/{len} files  {msg}  [{elapsed_precise}, ETA {eta}] {wide_bar}";

impl Progress {
    pub fn new(quiet: bool, args: &[String], options: &WalkOptions) -> Progress {
        if args.iter().any(|a| a == "-") && std::io::stdin().is_terminal() {
            eprintln!("openclaim: reading the article from standard input (end with Ctrl-D)");
        }
        // One file or standard input is read in a moment: a bar would only
        // be left behind on the terminal.
        let single =
            args.len() == 1 && (args[0] == "-" || std::path::Path::new(&args[0]).is_file());
        if quiet || single || !std::io::stderr().is_terminal() {
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
