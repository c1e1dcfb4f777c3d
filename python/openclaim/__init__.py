"""Find and correct "open source" claims about AI models in Markdown news articles.

The same analysis as the ``openclaim`` command line tool, as Python calls::

    import openclaim
    report = openclaim.check("Llama 3 is open source.", lang="en")
    report["findings"][0]["severity"]          # 'warning'
    openclaim.annotate("Llama 3 is open source.", lang="en")
    openclaim.fix("Llama 3 is open source.", lang="en")   # 'Llama 3 is available with open weights.'

For batches, build an :class:`Engine` once and use ``check_many`` /
``annotate_many`` / ``fix_many``, which run on every core with the GIL
released.
"""

from ._openclaim import (
    SCHEMA,
    Engine,
    Error,
    __version__,
    annotate,
    check,
    fix,
    glossary,
    strip,
)

import threading as _threading

_shared = {}
_shared_lock = _threading.Lock()


def shared_engine(**options):
    """The process's one :class:`Engine` for these keyword options, built on first use.

    Spark and Dask ship functions to worker processes by value, so a module
    global in the job script is a fresh one for every task; this cache lives
    in the installed package and is built once per worker process. Options
    must be hashable (lists of glossary directories may be given as tuples).
    """
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    with _shared_lock:
        engine = _shared.get(key)
        if engine is None:
            engine = _shared[key] = Engine(**options)
        return engine


__all__ = [
    "SCHEMA",
    "Engine",
    "Error",
    "__version__",
    "annotate",
    "check",
    "fix",
    "glossary",
    "shared_engine",
    "strip",
]
