"""Shared set-up: the repository, the CLI binary to compare with, generated corpora.

OPENCLAIM_BIN names the binary (default target/release/openclaim);
OPENCLAIM_REQUIRE_ALL=1 (set by .ci/run) turns a missing PySpark, Dask,
pandas or Java into a failure instead of a skip.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("OPENCLAIM_BIN", ROOT / "target" / "release" / "openclaim"))
GEN = Path(os.environ.get("OPENCLAIM_GEN_CORPUS", ROOT / "target" / "release" / "examples" / "gen_corpus"))
REQUIRE_ALL = os.environ.get("OPENCLAIM_REQUIRE_ALL") == "1"


def need(module: str):
    """Imports `module`, or skips (fails under OPENCLAIM_REQUIRE_ALL=1) when it is missing."""
    if REQUIRE_ALL:
        return __import__(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="session")
def cli():
    if not BIN.is_file():
        pytest.fail(f"{BIN}: no openclaim binary; run cargo build --release or set OPENCLAIM_BIN")

    def run(*args, input=None, cwd=ROOT):
        return subprocess.run([str(BIN), *args], input=input, cwd=cwd, capture_output=True, check=False)

    return run


def stream_results(cli, jsonl: Path, *extra):
    """`openclaim stream` over a JSONL file: id -> result record."""
    out = cli("stream", "--no-config", *extra, input=jsonl.read_bytes())
    assert out.returncode == 0, out.stderr.decode()
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """A JSONL archive of generated articles (N from OPENCLAIM_CORPUS_N, default 3000)."""
    if not GEN.is_file():
        pytest.fail(f"{GEN}: run cargo build --release --example gen_corpus")
    n = int(os.environ.get("OPENCLAIM_CORPUS_N", "3000"))
    path = tmp_path_factory.mktemp("corpus") / "archive.jsonl"
    subprocess.run([str(GEN), "--jsonl", str(path), str(n)], check=True, capture_output=True)
    return path, n
