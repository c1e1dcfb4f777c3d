"""Check a JSONL archive with Dask: a DataFrame of articles, one Engine per worker.

`dask.dataframe.read_json` splits the archive into partitions; each partition
is checked with `Engine.check_many` (the GIL is released, so Dask's default
threaded scheduler keeps every core busy; with --processes each worker
process builds its own Engine through `openclaim.shared_engine`). A
`dask.bag` route is shown too (--bag). Output: JSON lines with id, lang,
error, findings (the JSON report's list) and the number of warnings.

    python examples/python/dask_check.py IN.jsonl OUT.jsonl [--bag] [--processes]
"""

import argparse
import json

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

import openclaim


def check_partition(df: pd.DataFrame) -> pd.DataFrame:
    engine = openclaim.shared_engine()
    reports = engine.check_many(df["markdown"], paths=df["id"].astype(str), threads=1)
    return pd.DataFrame({
        "id": df["id"].astype(str).to_numpy(),
        "lang": [r["lang"] for r in reports],
        "error": [r["error"] for r in reports],
        "warnings": [sum(f["severity"] == "warning" for f in r["findings"]) for r in reports],
        "findings": [json.dumps(r["findings"], ensure_ascii=False) for r in reports],
    }, index=df.index)


def check_records(records) -> list:
    records = list(records)
    engine = openclaim.shared_engine()
    reports = engine.check_many([r["markdown"] for r in records],
                                paths=[str(r["id"]) for r in records], threads=1)
    return [{"id": str(r["id"]), "lang": rep["lang"], "error": rep["error"],
             "warnings": sum(f["severity"] == "warning" for f in rep["findings"]),
             "findings": json.dumps(rep["findings"], ensure_ascii=False)}
            for r, rep in zip(records, reports)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--bag", action="store_true", help="use dask.bag instead of dask.dataframe")
    ap.add_argument("--processes", action="store_true", help="process-based scheduler")
    ap.add_argument("--blocksize", default="2MB")
    args = ap.parse_args()

    scheduler = "processes" if args.processes else "threads"
    with dask.config.set(scheduler=scheduler):
        if args.bag:
            bag = db.read_text(args.input, blocksize=args.blocksize).map(json.loads)
            rows = bag.map_partitions(check_records).compute()
            out = pd.DataFrame(rows, columns=["id", "lang", "error", "warnings", "findings"])
        else:
            df = dd.read_json(args.input, lines=True, blocksize=args.blocksize,
                              dtype={"id": str, "markdown": str})
            meta = pd.DataFrame({"id": pd.Series(dtype=str), "lang": pd.Series(dtype=object),
                                 "error": pd.Series(dtype=object),
                                 "warnings": pd.Series(dtype="int64"),
                                 "findings": pd.Series(dtype=str)})
            out = df.map_partitions(check_partition, meta=meta).compute()
    out.to_json(args.output, orient="records", lines=True, force_ascii=False)
    print(f"{len(out)} records, {int(out['warnings'].sum())} warnings, "
          f"{int(out['error'].notna().sum())} errors -> {args.output}")


if __name__ == "__main__":
    main()
