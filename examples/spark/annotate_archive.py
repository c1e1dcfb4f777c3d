"""Pipe a JSONL archive through `openclaim stream` with PySpark (local mode).

Each input line is one article: {"id": ..., "markdown": ...}. Spark splits the
file into partitions and pipes every partition through its own
`openclaim stream` process; each output line is the result for one input
line, in the same order: {"id", "line", "lang", "error", "findings"} (plus
"annotated" with --annotate). Results are written as text part files.

    python3 examples/spark/annotate_archive.py IN.jsonl OUT_DIR \
        [--openclaim target/release/openclaim] [--partitions 4] [--annotate]

On a cluster, ship the binary with --files (or install it on every node) and
drop .master(); nothing else changes.
"""

import argparse
import json
import os
import shlex
import shutil
import sys

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL archive, one article per line")
    ap.add_argument("output", help="directory for the result part files (must not exist)")
    ap.add_argument("--openclaim", default=shutil.which("openclaim") or "target/release/openclaim",
                    help="path to the openclaim binary")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--annotate", action="store_true", help="also return the annotated Markdown")
    args = ap.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[2]").appName("openclaim-stream")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        # One thread per process: Spark already runs one process per partition and core.
        command = [os.path.abspath(args.openclaim), "stream", "-j", "1"]
        if args.annotate:
            command.append("--annotate")
        articles = spark.sparkContext.textFile(args.input, args.partitions)
        results = articles.pipe(shlex.join(command), checkCode=True).cache()
        results.saveAsTextFile(args.output)
        parsed = results.map(json.loads)
        records = parsed.count()
        findings = parsed.map(lambda r: len(r["findings"])).sum()
        errors = parsed.filter(lambda r: r["error"] is not None).count()
        print(f"{records} records, {findings} findings, {errors} errors -> {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
