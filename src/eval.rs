//! Measuring the checker on labelled sentences (`eval/*.tsv`): per-language
//! and per-label accuracy, precision and recall, and every miss.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::engine::Engine;
use crate::error::DataError;
use crate::verdict::Severity;
use crate::Lang;

/// One labelled (passage, model) pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub lang: Lang,
    pub text: String,
    pub model: String,
    pub label: String,
    pub line: usize,
}

pub const LABELS: &[&str] = &[
    "FLAG",
    "FLAG-ATTRIBUTED",
    "OPEN-WEIGHTS-CLAIM",
    "OK-TRUE",
    "OK-NEGATED",
    "OK-HEDGED",
    "OK-OTHER",
    "OK-ACCURATE",
    "OK-NOCLAIM",
];

/// Parses the TSV (header line first). Errors carry file:line.
pub fn parse(file: &str, tsv: &str) -> Result<Vec<Row>, DataError> {
    let mut rows = Vec::new();
    for (i, line) in tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| DataError {
            file: file.to_string(),
            line: i + 1,
            column: 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            return Err(err(format!(
                "expected at least 5 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let lang = Lang::from_tag(cols[1])
            .ok_or_else(|| err(format!("unknown language '{}'", cols[1])))?;
        if !LABELS.contains(&cols[4]) {
            return Err(err(format!("unknown label '{}'", cols[4])));
        }
        rows.push(Row {
            id: cols[0].to_string(),
            lang,
            text: cols[2].to_string(),
            model: cols[3].to_string(),
            label: cols[4].to_string(),
            line: i + 1,
        });
    }
    Ok(rows)
}

/// What the checker said about the row's model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    None,
    Note,
    Warning,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::None => "none",
            Outcome::Note => "note",
            Outcome::Warning => "warning",
        }
    }
}

fn positive(label: &str) -> bool {
    matches!(label, "FLAG" | "FLAG-ATTRIBUTED" | "OPEN-WEIGHTS-CLAIM")
}

/// Whether the outcome is right for the label.
pub fn correct(label: &str, outcome: Outcome) -> bool {
    match label {
        "FLAG" => outcome == Outcome::Warning,
        "FLAG-ATTRIBUTED" => outcome != Outcome::None,
        "OPEN-WEIGHTS-CLAIM" => outcome == Outcome::Note,
        _ => outcome == Outcome::None,
    }
}

#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub rows: usize,
    pub right: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub by_label: BTreeMap<(String, String), Tally>,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    pub per_lang: BTreeMap<String, (usize, usize, usize, usize)>,
    pub misses: Vec<(Row, Outcome)>,
    pub rows: usize,
    pub right: usize,
}

impl Summary {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn lang_precision(&self, lang: &str) -> f64 {
        self.per_lang
            .get(lang)
            .map(|&(tp, fp, _, _)| ratio(tp, tp + fp))
            .unwrap_or(1.0)
    }
    pub fn lang_recall(&self, lang: &str) -> f64 {
        self.per_lang
            .get(lang)
            .map(|&(tp, _, fn_, _)| ratio(tp, tp + fn_))
            .unwrap_or(1.0)
    }

    /// A plain-text report: accuracy per language and label, confusion
    /// counts, precision, recall, then every miss.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<4} {:<20} {:>5} {:>5} {:>7}",
            "lang", "label", "rows", "right", "acc"
        );
        for ((lang, label), t) in &self.by_label {
            let _ = writeln!(
                s,
                "{:<4} {:<20} {:>5} {:>5} {:>6.1}%",
                lang,
                label,
                t.rows,
                t.right,
                100.0 * ratio(t.right, t.rows)
            );
        }
        for (lang, &(tp, fp, fn_, tn)) in &self.per_lang {
            let _ = writeln!(
                s,
                "{lang}: tp {tp} fp {fp} fn {fn_} tn {tn}  precision {:.3} recall {:.3}",
                ratio(tp, tp + fp),
                ratio(tp, tp + fn_)
            );
        }
        let _ = writeln!(
            s,
            "all: {}/{} rows right ({:.1}%)  tp {} fp {} fn {} tn {}  precision {:.3} recall {:.3}",
            self.right,
            self.rows,
            100.0 * ratio(self.right, self.rows),
            self.tp,
            self.fp,
            self.fn_,
            self.tn,
            self.precision(),
            self.recall()
        );
        if !self.misses.is_empty() {
            let _ = writeln!(s, "\nmisses:");
            for (row, got) in &self.misses {
                let _ = writeln!(
                    s,
                    "{} (line {}) {} [{}] got {}: {}",
                    row.id,
                    row.line,
                    row.label,
                    row.model,
                    got.as_str(),
                    row.text
                );
            }
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The glossary entry a label names. Labels use press spellings, which may
/// carry a developer prefix the glossary leaves out ("Meta's Llama",
/// "AI21 Jamba").
pub fn lookup<'g>(glossary: &'g crate::Glossary, name: &str) -> Option<&'g crate::glossary::Model> {
    glossary.find(name).or_else(|| {
        let rest = name.split_once(' ')?.1;
        glossary.find(rest)
    })
}

/// Runs every row through `engine` (the row's language as fallback).
pub fn evaluate(engine: &Engine, rows: &[Row]) -> Summary {
    let mut sum = Summary::default();
    for row in rows {
        let result = engine.check_with_lang(&row.id, &row.text, Some(row.lang));
        let want = lookup(engine.glossary(), &row.model).map(|m| m.id.clone());
        let sev = result
            .findings
            .iter()
            .filter(|f| Some(&f.model.id) == want.as_ref())
            .map(|f| f.severity)
            .max();
        let outcome = match sev {
            None => Outcome::None,
            Some(Severity::Note) => Outcome::Note,
            Some(Severity::Warning) => Outcome::Warning,
        };
        let ok = correct(&row.label, outcome);
        let lang = row.lang.as_str().to_string();
        let t = sum
            .by_label
            .entry((lang.clone(), row.label.clone()))
            .or_default();
        t.rows += 1;
        sum.rows += 1;
        let pl = sum.per_lang.entry(lang).or_default();
        if ok {
            t.right += 1;
            sum.right += 1;
        } else {
            sum.misses.push((row.clone(), outcome));
        }
        let flagged = outcome != Outcome::None;
        match (positive(&row.label), flagged) {
            (true, true) if ok => {
                sum.tp += 1;
                pl.0 += 1;
            }
            (true, _) => {
                sum.fn_ += 1;
                pl.2 += 1;
            }
            (false, true) => {
                sum.fp += 1;
                pl.1 += 1;
            }
            (false, false) => {
                sum.tn += 1;
                pl.3 += 1;
            }
        }
    }
    sum
}
