"""Check a JSONL or Parquet archive with PySpark and the openclaim wheel.

Each row is one article with an id and its Markdown. `mapInPandas` hands each
task batches of rows as pandas DataFrames; every Python worker builds one
Engine (`openclaim.shared_engine`) and checks a whole batch with the GIL
released. Output rows: id, lang, error, the number of findings and warnings,
the findings as the JSON report's list (a JSON string), and with --annotate
the annotated article. Written as JSON lines part files.

    python examples/python/spark_check.py IN.jsonl|IN.parquet OUT_DIR \
        [--partitions 4] [--annotate] [--master local[2]]

The workers need the wheel installed (pip install openclaim-*.whl on every
node, or ship a virtual environment with --archives). Where that is not an
option, pipe through the binary instead: examples/spark/annotate_archive.py.
"""

import argparse
import json
import os
import sys
from typing import Iterator

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

RESULT = StructType([
    StructField("id", StringType()),
    StructField("lang", StringType()),
    StructField("error", StringType()),
    StructField("findings", IntegerType()),
    StructField("warnings", IntegerType()),
    StructField("findings_json", StringType()),
    StructField("annotated", StringType()),
])


def check_batches(batches: Iterator[pd.DataFrame], annotate: bool) -> Iterator[pd.DataFrame]:
    """Runs on the workers: one Engine per Python worker process, one call per batch."""
    import openclaim

    engine = openclaim.shared_engine()
    for df in batches:
        texts = df["markdown"].tolist()
        ids = df["id"].astype(str).tolist()
        # Spark already runs one task per core: one thread per task.
        reports = engine.check_many(texts, paths=ids, threads=1)
        annotated = engine.annotate_many(texts, threads=1) if annotate else [None] * len(texts)
        yield pd.DataFrame({
            "id": ids,
            "lang": [r["lang"] for r in reports],
            "error": [r["error"] for r in reports],
            "findings": [len(r["findings"]) for r in reports],
            "warnings": [sum(f["severity"] == "warning" for f in r["findings"]) for r in reports],
            "findings_json": [json.dumps(r["findings"], ensure_ascii=False) for r in reports],
            "annotated": annotated,
        })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL or Parquet archive with id and markdown columns")
    ap.add_argument("output", help="directory for the result part files (must not exist)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--annotate", action="store_true", help="also return the annotated Markdown")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(args.master).appName("openclaim-check")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.input.endswith(".parquet"):
            articles = spark.read.parquet(args.input)
        else:
            articles = spark.read.schema("id STRING, markdown STRING").json(args.input)
        articles = articles.repartition(args.partitions)
        annotate = args.annotate
        results = articles.mapInPandas(lambda it: check_batches(it, annotate), RESULT).cache()
        results.write.json(args.output)
        total = results.count()
        sums = results.groupBy().sum("findings", "warnings").first()
        errors = results.filter(results.error.isNotNull()).count()
        print(f"{total} records, {sums[0] or 0} findings, {sums[1] or 0} warnings, "
              f"{errors} errors -> {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
