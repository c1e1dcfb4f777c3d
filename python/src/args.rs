//! Python arguments into library values. A wrong type is a `TypeError`, a
//! value the library does not know is a `ValueError` whose message lists the
//! values it does know.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use openclaim::date::Date;
use openclaim::{Definition, Lang, Style};

use crate::to_python::type_name;

/// The text of a `str` argument named `what`.
pub fn text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            type_name(obj)
        ))),
    }
}

/// Every item of an iterable of `str` (a list, a tuple, a pandas Series, a
/// generator), in order. A lone `str` is refused: iterating it would check
/// one character at a time.
pub fn texts(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        out.push(text(&item?, &format!("{what}[{i}]"))?);
    }
    Ok(out)
}

/// `dismiss=`: finding ids, or none when None. Ids the articles do not
/// hold are ignored, as `openclaim fix --dismiss` ignores them.
pub fn ids(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(Vec::new()),
        Some(o) => texts(o, "dismiss"),
    }
}

/// `lang=`: "nl", "en", or None / "auto" to detect (front matter `lang:` always wins).
pub fn lang(value: Option<&str>) -> PyResult<Option<Lang>> {
    match value {
        None | Some("auto") => Ok(None),
        Some(s) => s.parse::<Lang>().map(Some).map_err(|_| {
            PyValueError::new_err(format!(
                "unknown lang {s:?}: expected \"nl\", \"en\" or \"auto\""
            ))
        }),
    }
}

/// `definition=`: "osaid" or "license".
pub fn definition(value: &str) -> PyResult<Definition> {
    value.parse().map_err(|_| {
        PyValueError::new_err(format!(
            "unknown definition {value:?}: expected \"osaid\" or \"license\""
        ))
    })
}

/// `style=`: "critic", "footnote" or "comment".
pub fn style(value: &str) -> PyResult<Style> {
    value
        .parse()
        .map_err(|e: openclaim::annotate::ParseStyleError| PyValueError::new_err(e.to_string()))
}

/// `as_of=`: a `YYYY-MM-DD` string or a `datetime.date`.
pub fn as_of(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let s = if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if obj.hasattr("isoformat")? {
        obj.call_method0("isoformat")?.extract::<String>()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "as_of must be str or datetime.date, not {}",
            type_name(obj)
        )));
    };
    Date::parse(&s).map(Some).ok_or_else(|| {
        PyValueError::new_err(format!("invalid as_of date {s:?}: expected YYYY-MM-DD"))
    })
}

/// `threads=`: None for every core, else at least one.
pub fn threads(value: Option<i64>) -> PyResult<Option<usize>> {
    match value {
        None => Ok(None),
        Some(n) if n >= 1 => Ok(usize::try_from(n).ok()),
        Some(n) => Err(PyValueError::new_err(format!(
            "threads must be at least 1, not {n}"
        ))),
    }
}
