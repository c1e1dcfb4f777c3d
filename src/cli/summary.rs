//! Counting a run as its results arrive, and the summary printed at the end.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use openclaim::Severity;

use super::FailOn;

/// What one input contributed to the run.
#[derive(Debug, Default)]
pub struct Record {
    /// Bytes read (0 when it could not be read).
    pub bytes: u64,
    /// The error line for this input, naming it.
    pub error: Option<String>,
    pub warnings: u32,
    pub notes: u32,
    /// Canonical model names, one per finding.
    pub models: Vec<String>,
    /// What goes to standard output for it (a report or the annotated text).
    pub stdout: String,
    pub written: Written,
    /// Findings silenced by openclaim-disable comments.
    pub suppressed: u32,
    /// Skipped by an `ignore` glob of its configuration.
    pub ignored: bool,
    /// Has a finding at or above its configuration's fail_on.
    pub fails: bool,
    /// The configuration error that kept this file from being checked.
    pub config_error: Option<String>,
    /// SARIF: the glossary taxa of this file's results (id, taxon).
    pub taxa: Vec<(String, serde_json::Value)>,
    /// The findings stopped at the per-file cap: the note that says so, naming the file.
    pub truncated: Option<String>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    #[default]
    No,
    Yes,
    /// --in-place and nothing to change: the file was left alone.
    Unchanged,
}

impl Record {
    pub fn count(&mut self, findings: &[openclaim::Finding], suppressed: usize, fail_on: FailOn) {
        self.suppressed += u32::try_from(suppressed).unwrap_or(u32::MAX);
        self.fails = findings.iter().any(|f| fail_on.fails(f.severity));
        for f in findings {
            match f.severity {
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
            self.models.push(f.model.canonical.clone());
        }
    }
}

/// Totals over every record so far.
#[derive(Debug)]
pub struct Stats {
    pub files: u64,
    pub errors: u64,
    pub bytes: u64,
    pub warnings: u64,
    pub notes: u64,
    pub files_with_findings: u64,
    pub written: u64,
    pub unchanged: u64,
    pub suppressed: u64,
    pub ignored: u64,
    /// Files with a finding at or above their fail_on.
    pub failing: u64,
    models: HashMap<String, u64>,
    /// The first error line, which names its file.
    first_error: Option<String>,
    start: Instant,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            files: 0,
            errors: 0,
            bytes: 0,
            warnings: 0,
            notes: 0,
            files_with_findings: 0,
            written: 0,
            unchanged: 0,
            suppressed: 0,
            ignored: 0,
            failing: 0,
            models: HashMap::new(),
            first_error: None,
            start: Instant::now(),
        }
    }
}

fn plural(k: u64, one: &str, many: &str) -> String {
    format!("{k} {}", if k == 1 { one } else { many })
}

impl Stats {
    pub fn add(&mut self, r: &Record) {
        if r.ignored {
            self.ignored += 1;
            return;
        }
        self.files += 1;
        self.suppressed += u64::from(r.suppressed);
        self.failing += u64::from(r.fails);
        self.bytes += r.bytes;
        if let Some(e) = &r.error {
            self.errors += 1;
            if self.first_error.is_none() {
                self.first_error = Some(e.clone());
            }
        }
        self.warnings += u64::from(r.warnings);
        self.notes += u64::from(r.notes);
        if r.warnings + r.notes > 0 {
            self.files_with_findings += 1;
        }
        match r.written {
            Written::Yes => self.written += 1,
            Written::Unchanged => self.unchanged += 1,
            Written::No => {}
        }
        for m in &r.models {
            match self.models.get_mut(m) {
                Some(n) => *n += 1,
                None => {
                    self.models.insert(m.clone(), 1);
                }
            }
        }
    }

    pub fn findings(&self) -> u64 {
        self.warnings + self.notes
    }

    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    pub fn mb(&self) -> f64 {
        self.bytes as f64 / 1e6
    }

    pub fn mb_per_s(&self) -> f64 {
        self.mb() / self.elapsed().as_secs_f64().max(1e-9)
    }

    /// The most mentioned models in findings, most first, ties by name.
    pub fn top_models(&self, n: usize) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self.models.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    /// "2 warnings, 1 note in 3 files (1 with errors)"
    pub fn one_line(&self) -> String {
        let mut s = format!(
            "{}, {} in {}",
            plural(self.warnings, "warning", "warnings"),
            plural(self.notes, "note", "notes"),
            plural(self.files, "file", "files")
        );
        match (self.errors, &self.first_error) {
            (0, _) => {}
            // Name the file: "1 file (1 with errors)" does not say which.
            (1, Some(e)) => {
                let name = e.split(": ").next().unwrap_or(e);
                let name = name
                    .split(':')
                    .next()
                    .filter(|n| !n.is_empty())
                    .unwrap_or(name);
                let _ = write!(s, " (not checked: {name})");
            }
            (n, _) => {
                let _ = write!(s, " ({n} with errors)");
            }
        }
        if self.suppressed > 0 {
            let _ = write!(s, ", {} suppressed", self.suppressed);
        }
        if self.ignored > 0 {
            let _ = write!(s, ", {} ignored", plural(self.ignored, "file", "files"));
        }
        s
    }

    /// The batch summary: the one-line summary, then one line per topic.
    pub fn render(&self) -> String {
        let mut s = format!("summary: {}\n", self.one_line());
        let secs = self.elapsed().as_secs_f64();
        let _ = writeln!(
            s,
            "  files:    {} read, {} with errors, {:.2} MB",
            self.files - self.errors,
            self.errors,
            self.mb()
        );
        let _ = writeln!(
            s,
            "  findings: {} ({}, {}) in {}",
            self.findings(),
            plural(self.warnings, "warning", "warnings"),
            plural(self.notes, "note", "notes"),
            plural(self.files_with_findings, "file", "files")
        );
        if self.suppressed > 0 {
            let _ = writeln!(
                s,
                "  suppressed: {} by openclaim-disable comments",
                plural(self.suppressed, "finding", "findings")
            );
        }
        if self.ignored > 0 {
            let _ = writeln!(
                s,
                "  ignored:  {} (ignore globs in .openclaim.toml)",
                plural(self.ignored, "file", "files")
            );
        }
        let top = self.top_models(5);
        if !top.is_empty() {
            let list: Vec<String> = top.iter().map(|(m, n)| format!("{m} ({n})")).collect();
            let _ = writeln!(s, "  models:   {}", list.join(", "));
        }
        if self.written + self.unchanged > 0 {
            let _ = write!(s, "  written:  {}", plural(self.written, "file", "files"));
            if self.unchanged > 0 {
                let _ = write!(s, ", {} unchanged", self.unchanged);
            }
            s.push('\n');
        }
        let _ = writeln!(
            s,
            "  time:     {secs:.2} s, {:.1} MB/s, {:.0} files/s",
            self.mb_per_s(),
            self.files as f64 / secs.max(1e-9)
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up() {
        let mut st = Stats::default();
        let mut a = Record {
            bytes: 10,
            warnings: 2,
            models: vec!["Llama 3".into(), "Llama 3".into()],
            written: Written::Yes,
            ..Record::default()
        };
        st.add(&a);
        a.error = Some("x: binary".into());
        a.warnings = 0;
        a.models.clear();
        a.written = Written::No;
        st.add(&a);
        assert_eq!((st.files, st.errors, st.bytes, st.written), (2, 1, 20, 1));
        assert_eq!(
            st.one_line(),
            "2 warnings, 0 notes in 2 files (not checked: x)"
        );
        assert_eq!(st.top_models(3), vec![("Llama 3", 2)]);
        let r = st.render();
        assert!(r.contains("1 read, 1 with errors"), "{r}");
        assert!(r.contains("models:   Llama 3 (2)"), "{r}");
        st.add(&Record {
            suppressed: 3,
            ..Record::default()
        });
        st.add(&Record {
            ignored: true,
            ..Record::default()
        });
        assert_eq!(st.files, 3);
        assert!(
            st.one_line()
                .ends_with("(not checked: x), 3 suppressed, 1 file ignored"),
            "{}",
            st.one_line()
        );
        let r = st.render();
        assert!(r.contains("suppressed: 3 findings"), "{r}");
        assert!(r.contains("ignored:  1 file"), "{r}");
    }
}
