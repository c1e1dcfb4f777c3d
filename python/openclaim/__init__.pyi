"""Type stubs for the openclaim package (the extension module openclaim._openclaim)."""

import datetime
import os
from typing import Any, Iterable, List, Literal, Mapping, Optional, Sequence, Union

__version__: str
#: The report format, as in ``openclaim check --format json`` ("openclaim-report/1").
SCHEMA: str

Lang = Literal["nl", "en", "auto"]
Definition = Literal["osaid", "license"]
Style = Literal["critic", "footnote", "comment"]
DateLike = Union[str, datetime.date]
PathLike = Union[str, "os.PathLike[str]"]

#: One entry of ``files`` in the JSON report: path, lang, error, findings,
#: suppressed (and dismissed with ``explain=True``). See schema/report.schema.json.
Report = dict[str, Any]

class Error(Exception):
    """A glossary or configuration problem; the message starts with file:line:col."""

def check(
    markdown: str,
    *,
    lang: Optional[Lang] = None,
    definition: Definition = "osaid",
    as_of: Optional[DateLike] = None,
    path: Optional[str] = None,
) -> Report:
    """Check one article with the built-in glossary and return its report."""

def annotate(
    markdown: str,
    *,
    style: Style = "critic",
    lang: Optional[Lang] = None,
    definition: Definition = "osaid",
    as_of: Optional[DateLike] = None,
    path: Optional[str] = None,
) -> str:
    """The article with an annotation at every finding, as ``openclaim annotate`` writes it."""

def fix(
    markdown: str,
    *,
    lang: Optional[Lang] = None,
    definition: Definition = "osaid",
    as_of: Optional[DateLike] = None,
    path: Optional[str] = None,
    dismiss: Optional[Iterable[str]] = None,
) -> str:
    """The corrected article, as ``openclaim fix`` writes it; quotations stay as written."""

def strip(markdown: str) -> str:
    """The article with every openclaim annotation removed, byte for byte as before."""

def glossary() -> List[dict[str, Any]]:
    """The built-in glossary's model entries, each with its derived "status"."""

class Engine:
    """A reusable, thread-safe checker: glossary and configuration loaded once."""

    def __init__(
        self,
        *,
        glossary: Optional[Union[PathLike, Sequence[PathLike]]] = None,
        config: Optional[Union[PathLike, Mapping[str, Any]]] = None,
        definition: Optional[Definition] = None,
        lang: Optional[Lang] = None,
        as_of: Optional[DateLike] = None,
        explain: bool = False,
    ) -> None: ...
    def check(
        self, markdown: str, *, lang: Optional[Lang] = None, path: Optional[str] = None
    ) -> Report:
        """Check one article and return its report."""
    def annotate(
        self,
        markdown: str,
        *,
        style: Optional[Style] = None,
        lang: Optional[Lang] = None,
        path: Optional[str] = None,
    ) -> str:
        """The annotated article (style: the configuration's, else "critic")."""
    def fix(
        self,
        markdown: str,
        *,
        lang: Optional[Lang] = None,
        path: Optional[str] = None,
        dismiss: Optional[Iterable[str]] = None,
    ) -> str:
        """The corrected article, as ``openclaim fix`` writes it; quotations stay as written."""
    def check_many(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        lang: Optional[Lang] = None,
        paths: Optional[Iterable[str]] = None,
    ) -> List[Report]:
        """Reports for many articles, on every core with the GIL released, in input order."""
    def annotate_many(
        self,
        texts: Iterable[str],
        *,
        style: Optional[Style] = None,
        threads: Optional[int] = None,
        lang: Optional[Lang] = None,
    ) -> List[str]:
        """Annotated texts for many articles, on every core, in input order."""
    def fix_many(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        lang: Optional[Lang] = None,
        dismiss: Optional[Iterable[str]] = None,
    ) -> List[str]:
        """Corrected texts for many articles, on every core with the GIL released, in input order."""
    def glossary(self) -> List[dict[str, Any]]:
        """The model entries of this engine's glossary (built-in plus layers)."""

def shared_engine(
    *,
    glossary: Optional[Union[PathLike, Sequence[PathLike]]] = None,
    config: Optional[PathLike] = None,
    definition: Optional[Definition] = None,
    lang: Optional[Lang] = None,
    as_of: Optional[DateLike] = None,
    explain: bool = False,
) -> Engine:
    """The process's one Engine for these options, built on first use (for Spark and Dask workers)."""
