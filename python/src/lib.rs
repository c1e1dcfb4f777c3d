//! The `openclaim` Python package: the library's checks, annotations and
//! reports as Python calls, for notebooks, pandas, Spark and Dask. The Python
//! side (`python/openclaim/`) re-exports what is defined here and carries the
//! type stubs. Nothing here analyses text: every call goes to the same
//! `openclaim` library the CLI uses, so results are the CLI's.

mod args;
mod engine;
mod keys;
mod load;
mod serialize;
mod to_python;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyList;

use openclaim::date::Date;
use openclaim::{Definition, Engine, Glossary, Options};

use engine::PyEngine;

create_exception!(
    openclaim,
    Error,
    PyException,
    "A glossary or configuration problem; the message starts with file:line:col."
);

/// Engines for the module-level functions, one per (definition, as_of),
/// built on first use: building one compiles the matchers, which a call
/// should not pay for each time.
type Key = (bool, Option<(u16, u8, u8)>);
static DEFAULTS: Mutex<Option<HashMap<Key, Arc<Engine>>>> = Mutex::new(None);

fn default_engine(definition: Definition, as_of: Option<Date>) -> Arc<Engine> {
    let key = (
        definition == Definition::License,
        as_of.map(|d| (d.year, d.month, d.day)),
    );
    let mut guard = match DEFAULTS.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    guard
        .get_or_insert_with(HashMap::new)
        .entry(key)
        .or_insert_with(|| {
            Arc::new(Engine::new(
                Glossary::embedded().clone(),
                Options {
                    definition,
                    as_of,
                    ..Options::default()
                },
            ))
        })
        .clone()
}

/// Checks one article with the built-in glossary and returns its report: a
/// dict with the keys of one entry of `files` in `openclaim check --format
/// json` (schema `openclaim.SCHEMA`): path, lang, error, findings, suppressed.
///
/// Args:
///     markdown: the article text.
///     lang: "nl" or "en" when the front matter has no `lang:`; detected when None.
///     definition: "osaid" (open source needs open data and code) or "license"
///         (an OSI license on the weights is enough).
///     as_of: judge by the facts in force on this date ("YYYY-MM-DD" or a
///         datetime.date); overrides front matter `date:`.
///     path: the name the report gives the article.
#[pyfunction]
#[pyo3(
    signature = (markdown, *, lang=None, definition="osaid".to_string(), as_of=None, path=None),
    text_signature = "(markdown, *, lang=None, definition='osaid', as_of=None, path=None)"
)]
fn check(
    py: Python<'_>,
    markdown: &Bound<'_, PyAny>,
    lang: Option<String>,
    definition: String,
    as_of: Option<&Bound<'_, PyAny>>,
    path: Option<String>,
) -> PyResult<Py<PyAny>> {
    let lang = args::lang(lang.as_deref())?;
    let engine = default_engine(args::definition(&definition)?, args::as_of(as_of)?);
    engine::check_one(py, &engine, markdown, lang, path)
}

/// The article with an annotation at every finding, as `openclaim annotate`
/// writes it, with the built-in glossary. Annotations made before are
/// replaced, so annotating twice changes nothing; `strip` undoes it.
///
/// Args:
///     style: "critic" (CriticMarkup), "footnote" (GFM footnotes) or
///         "comment" (HTML comments).
///     lang, definition, as_of, path: as for `check`.
#[pyfunction]
#[pyo3(
    signature = (markdown, *, style="critic".to_string(), lang=None, definition="osaid".to_string(), as_of=None, path=None),
    text_signature = "(markdown, *, style='critic', lang=None, definition='osaid', as_of=None, path=None)"
)]
fn annotate(
    py: Python<'_>,
    markdown: &Bound<'_, PyAny>,
    style: String,
    lang: Option<String>,
    definition: String,
    as_of: Option<&Bound<'_, PyAny>>,
    path: Option<String>,
) -> PyResult<String> {
    let style = args::style(&style)?;
    let lang = args::lang(lang.as_deref())?;
    let engine = default_engine(args::definition(&definition)?, args::as_of(as_of)?);
    engine::annotate_one(py, &engine, markdown, style, lang, path)
}

/// The corrected article, as `openclaim fix` writes it, with the built-in
/// glossary: each finding's safer wording written in and not a byte more.
/// Quotations, and claims with no wording that fits the sentence, stay as
/// written (`check` still reports them); an article with nothing to correct
/// comes back unchanged.
///
/// Args:
///     lang, definition, as_of, path: as for `check`.
///     dismiss: ids of findings (from a report) to leave as written, as
///         `openclaim fix --dismiss ID`.
#[pyfunction]
#[pyo3(
    signature = (markdown, *, lang=None, definition="osaid".to_string(), as_of=None, path=None, dismiss=None),
    text_signature = "(markdown, *, lang=None, definition='osaid', as_of=None, path=None, dismiss=None)"
)]
fn fix(
    py: Python<'_>,
    markdown: &Bound<'_, PyAny>,
    lang: Option<String>,
    definition: String,
    as_of: Option<&Bound<'_, PyAny>>,
    path: Option<String>,
    dismiss: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let lang = args::lang(lang.as_deref())?;
    let engine = default_engine(args::definition(&definition)?, args::as_of(as_of)?);
    engine::fix_one(py, &engine, markdown, lang, path, dismiss)
}

/// The article with every openclaim annotation removed: the text as it was
/// before `annotate`, byte for byte.
#[pyfunction]
fn strip(py: Python<'_>, markdown: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = args::text(markdown, "markdown")?;
    Ok(py.detach(|| openclaim::annotate::strip(&text)))
}

/// The built-in glossary's model entries as dicts: the glossary file's
/// fields, plus "status" (today's verdict derived from them).
#[pyfunction]
fn glossary(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    glossary_entries(py, Glossary::embedded())
}

pub(crate) fn glossary_entries<'py>(py: Python<'py>, g: &Glossary) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for m in g.models() {
        let mut v = serde_json::to_value(m)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        if let Some(obj) = v.as_object_mut() {
            let status = serde_json::to_value(g.facts(m, None).status)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
            obj.insert("status".into(), status);
        }
        list.append(to_python::value_to_python(py, &v)?)?;
    }
    Ok(list)
}

#[pymodule]
fn _openclaim(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", openclaim::report::SCHEMA)?;
    m.add("Error", m.py().get_type::<Error>())?;
    m.add_class::<PyEngine>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(strip, m)?)?;
    m.add_function(wrap_pyfunction!(glossary, m)?)?;
    Ok(())
}
