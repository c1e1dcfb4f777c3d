"""Find and correct "open source" claims about AI models in Markdown news articles.

The same analysis as the ``openclaim`` command line tool, as Python calls::

    import openclaim
    report = openclaim.check("Llama 3 is open source.", lang="en")
    report["findings"][0]["severity"]          # 'warning'
    openclaim.annotate("Llama 3 is open source.", lang="en")

For batches, build an :class:`Engine` once and use ``check_many`` /
``annotate_many``, which run on every core with the GIL released.
"""

from ._openclaim import (
    SCHEMA,
    Engine,
    Error,
    __version__,
    annotate,
    check,
    glossary,
    strip,
)

__all__ = [
    "SCHEMA",
    "Engine",
    "Error",
    "__version__",
    "annotate",
    "check",
    "glossary",
    "strip",
]
