//! `openclaim.Engine`: a glossary, a configuration and the automata built
//! once, then shared by any number of Python threads. The analysis runs with
//! the GIL released; `check_many`/`annotate_many`/`fix_many` spread a batch
//! over a rayon pool and return results in input order.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;

use openclaim::report::FileReport;
use openclaim::{Engine, Lang, Style};

use crate::args;
use crate::load::{self, ConfigSource, Request};
use crate::serialize::to_python;
use crate::to_python::{python_to_value, type_name};
use crate::Error;

/// The report path used when a call names none.
pub const NO_PATH: &str = "<string>";

/// A reusable, thread-safe checker.
///
/// Build it once (the glossary is loaded and the matchers are compiled here)
/// and call it from any number of threads, or hand whole batches to
/// `check_many`/`annotate_many`/`fix_many`, which use every core with the
/// GIL released.
///
/// Args:
///     glossary: directories of glossary TOML files layered over the built-in
///         glossary, in order (as `openclaim --glossary DIR`).
///     config: a `.openclaim.toml` path, or a dict with the same keys.
///     definition: "osaid" or "license"; overrides the configuration.
///     lang: "nl", "en" or "auto"; the language when the front matter names
///         none; overrides the configuration.
///     as_of: judge by the glossary facts in force on this date
///         ("YYYY-MM-DD" or a datetime.date); overrides front matter `date:`.
///     explain: also list, under "dismissed", claim terms that gave no finding.
///
/// Raises:
///     openclaim.Error: a glossary or configuration problem, as file:line:col: message.
#[pyclass(frozen, module = "openclaim", name = "Engine")]
pub struct PyEngine {
    engine: Arc<Engine>,
    /// The configuration's `style`, used when a call names none.
    style: Style,
}

/// The language a call falls back to: its own `lang=`, else the engine's.
fn fallback(engine: &Engine, lang: Option<String>) -> PyResult<Option<Lang>> {
    Ok(args::lang(lang.as_deref())?.or(engine.options().lang))
}

/// Runs `f` over `0..n` on `threads` threads (every core when None), results in order.
fn parallel<T: Send>(
    threads: Option<usize>,
    n: usize,
    f: impl Fn(usize) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    let run = || (0..n).into_par_iter().map(&f).collect::<Vec<T>>();
    match threads {
        None => Ok(run()),
        Some(t) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .map_err(|e| PyValueError::new_err(format!("cannot start {t} threads: {e}")))?;
            Ok(pool.install(run))
        }
    }
}

/// Report paths for a batch: the given ones (as many as texts), or None
/// for [`NO_PATH`] throughout.
fn batch_paths(paths: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Option<Vec<String>>> {
    let Some(p) = paths.filter(|p| !p.is_none()) else {
        return Ok(None);
    };
    let v = args::texts(p, "paths")?;
    if v.len() != n {
        return Err(PyValueError::new_err(format!(
            "paths has {} items but texts has {n}",
            v.len()
        )));
    }
    Ok(Some(v))
}

/// The one body of every `*_many` method. The texts are copied out of
/// Python with the GIL held (a pandas Series may be a lazy iterable), then
/// `f(path, text)` runs on the pool with the GIL released, so other Python
/// threads keep running while a batch is analysed.
fn many<T: Send>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    paths: Option<&Bound<'_, PyAny>>,
    threads: Option<i64>,
    f: impl Fn(&str, &str) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    let threads = args::threads(threads)?;
    let texts = args::texts(texts, "texts")?;
    let paths = batch_paths(paths, texts.len())?;
    let path = |i: usize| paths.as_ref().map_or(NO_PATH, |p| p[i].as_str());
    py.detach(|| parallel(threads, texts.len(), |i| f(path(i), &texts[i])))
}

pub fn check_one(
    py: Python<'_>,
    engine: &Engine,
    markdown: &Bound<'_, PyAny>,
    lang: Option<Lang>,
    path: Option<String>,
) -> PyResult<Py<PyAny>> {
    let text = args::text(markdown, "markdown")?;
    let path = path.unwrap_or_else(|| NO_PATH.to_string());
    let report: FileReport = py.detach(|| engine.check_with_lang(&path, &text, lang).report);
    Ok(to_python(py, &report)?.unbind())
}

pub fn annotate_one(
    py: Python<'_>,
    engine: &Engine,
    markdown: &Bound<'_, PyAny>,
    style: Style,
    lang: Option<Lang>,
    path: Option<String>,
) -> PyResult<String> {
    let text = args::text(markdown, "markdown")?;
    let path = path.unwrap_or_else(|| NO_PATH.to_string());
    Ok(py.detach(|| engine.annotate_with_lang(&path, &text, style, lang).0))
}

pub fn fix_one(
    py: Python<'_>,
    engine: &Engine,
    markdown: &Bound<'_, PyAny>,
    lang: Option<Lang>,
    path: Option<String>,
    dismiss: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let text = args::text(markdown, "markdown")?;
    let dismissed = args::ids(dismiss)?;
    let path = path.unwrap_or_else(|| NO_PATH.to_string());
    Ok(py.detach(|| engine.fix(&path, &text, lang, &dismissed).0))
}

#[pymethods]
impl PyEngine {
    #[new]
    #[pyo3(signature = (*, glossary=None, config=None, definition=None, lang=None, as_of=None, explain=false))]
    fn new(
        py: Python<'_>,
        glossary: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
        definition: Option<String>,
        lang: Option<String>,
        as_of: Option<&Bound<'_, PyAny>>,
        explain: bool,
    ) -> PyResult<PyEngine> {
        let glossary: Vec<PathBuf> = match glossary.filter(|g| !g.is_none()) {
            None => Vec::new(),
            // One directory: a str or an os.PathLike.
            Some(g) if g.is_instance_of::<PyString>() || g.hasattr("__fspath__")? => {
                vec![g.extract()?]
            }
            Some(g) => {
                let iter = g.try_iter().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "glossary must be a list of directories, not {}",
                        type_name(g)
                    ))
                })?;
                iter.map(|d| d.and_then(|d| d.extract::<PathBuf>()))
                    .collect::<PyResult<_>>()?
            }
        };
        let config = match config.filter(|c| !c.is_none()) {
            None => ConfigSource::None,
            Some(c) if c.is_instance_of::<PyDict>() => {
                let value = python_to_value(c, "config")?;
                let text = toml::to_string(&value)
                    .map_err(|e| PyValueError::new_err(format!("config: {e}")))?;
                ConfigSource::Dict(text)
            }
            Some(c) => ConfigSource::File(c.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "config must be a path or a dict, not {}",
                    type_name(c)
                ))
            })?),
        };
        let req = Request {
            glossary,
            config,
            lang: args::lang(lang.as_deref())?,
            definition: definition.as_deref().map(args::definition).transpose()?,
            as_of: args::as_of(as_of)?,
            explain,
        };
        let (engine, config) = py.detach(|| load::build(&req)).map_err(Error::new_err)?;
        Ok(PyEngine {
            engine: Arc::new(engine),
            style: config.style.value,
        })
    }

    /// Checks one article and returns its report: a dict with the keys of one
    /// entry of `files` in `openclaim check --format json` (schema
    /// `openclaim.SCHEMA`): path, lang, error, findings, suppressed.
    ///
    /// Args:
    ///     markdown: the article text.
    ///     lang: "nl" or "en" when the front matter has no `lang:`; default
    ///         the engine's language, else detected.
    ///     path: the name the report gives the article.
    #[pyo3(signature = (markdown, *, lang=None, path=None))]
    fn check(
        &self,
        py: Python<'_>,
        markdown: &Bound<'_, PyAny>,
        lang: Option<String>,
        path: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let lang = fallback(&self.engine, lang)?;
        check_one(py, &self.engine, markdown, lang, path)
    }

    /// The article with an annotation at every finding, as
    /// `openclaim annotate` writes it. Annotations made before are replaced,
    /// so annotating twice changes nothing; `strip` undoes it byte for byte.
    ///
    /// Args:
    ///     style: "critic", "footnote" or "comment"; default the
    ///         configuration's style, else "critic".
    #[pyo3(signature = (markdown, *, style=None, lang=None, path=None))]
    fn annotate(
        &self,
        py: Python<'_>,
        markdown: &Bound<'_, PyAny>,
        style: Option<String>,
        lang: Option<String>,
        path: Option<String>,
    ) -> PyResult<String> {
        let style = match style {
            Some(s) => args::style(&s)?,
            None => self.style,
        };
        let lang = fallback(&self.engine, lang)?;
        annotate_one(py, &self.engine, markdown, style, lang, path)
    }

    /// The corrected article, as `openclaim fix` writes it: each finding's
    /// safer wording written in, nothing else changed. Quotations and claims
    /// with no wording that fits the sentence stay as written (`check` still
    /// reports them); an article with nothing to correct comes back unchanged.
    ///
    /// Args:
    ///     lang, path: as for `check`.
    ///     dismiss: ids of findings (from a report) to leave as written, as
    ///         `openclaim fix --dismiss ID`.
    #[pyo3(signature = (markdown, *, lang=None, path=None, dismiss=None))]
    fn fix(
        &self,
        py: Python<'_>,
        markdown: &Bound<'_, PyAny>,
        lang: Option<String>,
        path: Option<String>,
        dismiss: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let lang = fallback(&self.engine, lang)?;
        fix_one(py, &self.engine, markdown, lang, path, dismiss)
    }

    /// Reports for many articles, checked on `threads` threads (every core
    /// when None) with the GIL released; the list is in input order.
    ///
    /// Args:
    ///     texts: an iterable of str (a list, a pandas Series, …).
    ///     paths: names for the reports, as many as texts.
    #[pyo3(signature = (texts, *, threads=None, lang=None, paths=None))]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<i64>,
        lang: Option<String>,
        paths: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = fallback(&self.engine, lang)?;
        let engine = &self.engine;
        let reports = many(py, texts, paths, threads, |path, text| {
            engine.check_with_lang(path, text, lang).report
        })?;
        let list = PyList::empty(py);
        for report in &reports {
            list.append(to_python(py, report)?)?;
        }
        Ok(list)
    }

    /// Annotated texts for many articles, on `threads` threads (every core
    /// when None) with the GIL released, in input order.
    #[pyo3(signature = (texts, *, style=None, threads=None, lang=None))]
    fn annotate_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        style: Option<String>,
        threads: Option<i64>,
        lang: Option<String>,
    ) -> PyResult<Vec<String>> {
        let style = match style {
            Some(s) => args::style(&s)?,
            None => self.style,
        };
        let lang = fallback(&self.engine, lang)?;
        let engine = &self.engine;
        many(py, texts, None, threads, |path, text| {
            engine.annotate_with_lang(path, text, style, lang).0
        })
    }

    /// Corrected texts for many articles, as `fix` writes them, on `threads`
    /// threads (every core when None) with the GIL released, in input order.
    ///
    /// Args:
    ///     dismiss: finding ids to leave as written, in whichever article
    ///         they occur (ids name the claim, its place and its sentence).
    #[pyo3(signature = (texts, *, threads=None, lang=None, dismiss=None))]
    fn fix_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<i64>,
        lang: Option<String>,
        dismiss: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<String>> {
        let dismissed = args::ids(dismiss)?;
        let lang = fallback(&self.engine, lang)?;
        let engine = &self.engine;
        many(py, texts, None, threads, |path, text| {
            engine.fix(path, text, lang, &dismissed).0
        })
    }

    /// Seconds per analysis of `markdown`, timed inside Rust over `repeat`
    /// runs with no Python in between: the baseline `python/bench.py`
    /// subtracts to find what a Python call adds.
    #[pyo3(signature = (markdown, repeat=1000))]
    fn _time_check(
        &self,
        py: Python<'_>,
        markdown: &Bound<'_, PyAny>,
        repeat: u32,
    ) -> PyResult<f64> {
        let text = args::text(markdown, "markdown")?;
        let lang = self.engine.options().lang;
        let repeat = repeat.max(1);
        Ok(py.detach(|| {
            let start = std::time::Instant::now();
            for _ in 0..repeat {
                std::hint::black_box(self.engine.check_with_lang(NO_PATH, &text, lang));
            }
            start.elapsed().as_secs_f64() / f64::from(repeat)
        }))
    }

    /// The glossary's model entries (built-in plus the engine's layers), as dicts.
    fn glossary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        crate::glossary_entries(py, self.engine.glossary())
    }

    fn __repr__(&self) -> String {
        let o = self.engine.options();
        format!(
            "openclaim.Engine(lang={}, definition={:?}, style={:?}, models={})",
            o.lang
                .map(|l| format!("{:?}", l.as_str()))
                .unwrap_or("None".into()),
            serde_json::to_value(o.definition)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            self.style.name(),
            self.engine.glossary().models().len()
        )
    }
}
