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

/// Parses the TSV. Columns are found by the header's names, so any file
/// with `id`, `lang`, `text`, `model` and `label` columns is read (dev.tsv,
/// real.tsv, the corpora here); a `model_canonical` column, when present and
/// filled, names the model instead of `model`. A text may join two
/// sentences with ` || `, read as one passage. Errors carry file:line.
pub fn parse(file: &str, tsv: &str) -> Result<Vec<Row>, DataError> {
    let mut rows = Vec::new();
    let mut lines = tsv.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| {
            h.trim_start_matches('\u{feff}')
                .split('\t')
                .map(str::trim)
                .collect()
        })
        .unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let mut need = Vec::new();
    for name in ["id", "lang", "text", "model", "label"] {
        match col(name) {
            Some(i) => need.push(i),
            None => {
                return Err(DataError {
                    file: file.to_string(),
                    line: 1,
                    column: 1,
                    message: format!("the header has no '{name}' column"),
                })
            }
        }
    }
    let canonical = col("model_canonical");
    let width = need.iter().copied().max().unwrap_or(0) + 1;
    for (i, line) in lines {
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
        if cols.len() < width {
            return Err(err(format!(
                "expected at least {width} tab-separated columns, found {}",
                cols.len()
            )));
        }
        let get = |k: usize| cols[need[k]];
        let lang =
            Lang::from_tag(get(1)).ok_or_else(|| err(format!("unknown language '{}'", get(1))))?;
        if !LABELS.contains(&get(4)) {
            return Err(err(format!("unknown label '{}'", get(4))));
        }
        let model = canonical
            .and_then(|c| cols.get(c))
            .filter(|m| !m.trim().is_empty())
            .copied()
            .unwrap_or(get(3));
        rows.push(Row {
            id: get(0).to_string(),
            lang,
            text: get(2).replace(" || ", " "),
            model: model.to_string(),
            label: get(4).to_string(),
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
    /// Per language: rows that got a warning, and how many of those were right to.
    pub warnings: BTreeMap<String, (usize, usize)>,
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
    /// Of the rows that got a warning, the share whose label asks for a finding.
    pub fn lang_warning_precision(&self, lang: &str) -> f64 {
        self.warnings
            .get(lang)
            .map(|&(n, ok)| ratio(ok, n))
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
                "{lang}: tp {tp} fp {fp} fn {fn_} tn {tn}  precision {:.3} recall {:.3} warning precision {:.3}",
                ratio(tp, tp + fp),
                ratio(tp, tp + fn_),
                self.lang_warning_precision(lang)
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
        if outcome == Outcome::Warning {
            let w = sum.warnings.entry(lang.clone()).or_default();
            w.0 += 1;
            w.1 += usize::from(positive(&row.label));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_read_by_header_name() {
        let tsv = "id\tlang\ttext\tmodel\tmodel_canonical\tterm\tlabel\tnote\n\
                   r-1\ten\tMeta released Llama 3. || It is open source.\tit\tLlama 3\topen source\tFLAG\t\n\
                   r-2\tnl\tLlama 3 is open source.\tLlama 3\t\topen source\tFLAG\t\n";
        let rows = parse("real.tsv", tsv).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text, "Meta released Llama 3. It is open source.");
        assert_eq!(rows[0].model, "Llama 3");
        assert_eq!(rows[0].label, "FLAG");
        assert_eq!(rows[1].model, "Llama 3");
        assert_eq!(rows[1].lang, Lang::Nl);
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = parse("x.tsv", "id\tlang\ttext\tlabel\nx\ten\tt\tFLAG\n").err();
        assert!(e.is_some_and(|e| e.line == 1 && e.message.contains("'model'")));
        let short = parse("x.tsv", "id\tlang\ttext\tmodel\tlabel\nx\ten\n").err();
        assert!(short.is_some_and(|e| e.line == 2));
    }
}
