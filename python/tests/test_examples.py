"""The pandas, Spark and Dask examples run for real over a generated archive
and give the CLI's results (`openclaim stream` over the same JSONL). The
Spark examples run in local mode: the wheel route (mapInPandas) and the
binary route (RDD.pipe through `openclaim stream`)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import BIN, ROOT, need, stream_results

EXAMPLES = ROOT / "examples"


def run(*args, timeout=900):
    out = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                         timeout=timeout, cwd=ROOT, env={**os.environ, "PYSPARK_PYTHON": sys.executable})
    assert out.returncode == 0, f"{args}\n{out.stdout}\n{out.stderr[-4000:]}"
    return out.stdout


def json_lines(paths):
    rows = []
    for p in paths:
        rows += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line]
    return rows


def part_files(directory):
    return sorted(p for p in directory.iterdir() if p.name.startswith("part-"))


@pytest.fixture(scope="module")
def expected(cli, corpus):
    path, n = corpus
    results = stream_results(cli, path, "--annotate")
    assert len(results) == n
    return results


def test_pandas_example(corpus, expected, tmp_path):
    need("pandas")
    need("pyarrow")
    path, n = corpus
    out = tmp_path / "out.parquet"
    stdout = run(EXAMPLES / "python" / "pandas_findings.py", path, out)
    assert stdout.startswith(f"{n} articles")
    import pandas as pd
    df = pd.read_parquet(out)
    assert len(df) == n
    for row in df.itertuples():
        want = expected[row.id]
        assert row.findings == len(want["findings"]), row.id
        assert row.warnings == sum(f["severity"] == "warning" for f in want["findings"])
        assert list(row.models) == sorted({f["model"]["canonical"] for f in want["findings"]})
        assert row.annotated == want["annotated"]
    assert df["findings"].sum() > 0


def test_spark_example_with_the_wheel(corpus, expected, tmp_path):
    need("pyspark")
    need("pyarrow")
    path, n = corpus
    out = tmp_path / "spark-out"
    stdout = run(EXAMPLES / "python" / "spark_check.py", path, out, "--partitions", "4", "--annotate")
    assert stdout.startswith(f"{n} records"), stdout
    rows = json_lines(part_files(out))
    assert len(rows) == n
    assert {r["id"] for r in rows} == set(expected)
    for r in rows:
        want = expected[r["id"]]
        assert json.loads(r["findings_json"]) == want["findings"], r["id"]
        assert r["findings"] == len(want["findings"])
        assert r.get("lang") == want["lang"]
        assert r["annotated"] == want["annotated"], r["id"]


def test_spark_example_with_the_binary(cli, corpus, expected, tmp_path):
    need("pyspark")
    path, n = corpus
    out = tmp_path / "pipe-out"
    stdout = run(EXAMPLES / "spark" / "annotate_archive.py", path, out, "--openclaim", BIN, "--partitions", "3")
    assert stdout.startswith(f"{n} records"), stdout
    rows = json_lines(part_files(out))
    # Part files in order are one `openclaim stream` over the whole file.
    direct = cli("stream", "--no-config", input=path.read_bytes())
    assert direct.returncode == 0
    want = [json.loads(line) for line in direct.stdout.decode().splitlines()]
    assert [(r["id"], r["findings"]) for r in rows] == [(w["id"], w["findings"]) for w in want]


@pytest.mark.parametrize("route", [[], ["--bag"], ["--processes"]], ids=["dataframe", "bag", "processes"])
def test_dask_example(corpus, expected, tmp_path, route):
    need("dask")
    need("pandas")
    path, n = corpus
    out = tmp_path / "dask.jsonl"
    stdout = run(EXAMPLES / "python" / "dask_check.py", path, out, *route)
    assert stdout.startswith(f"{n} records"), stdout
    rows = json_lines([out])
    assert len(rows) == n and {r["id"] for r in rows} == set(expected)
    for r in rows:
        assert json.loads(r["findings"]) == expected[r["id"]]["findings"], r["id"]
