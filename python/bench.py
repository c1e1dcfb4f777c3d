"""Python against the CLI, in one run: throughput per core and per-call overhead.

    python python/bench.py [--n 9000] [--runs 3]

1. Throughput per core: `openclaim check --format jsonl -j1` over the bench
   corpus (`gen_corpus DIR N`, as scripts/bench.sh generates it) against
   `Engine.check_many(texts, threads=1)` over the same articles already in
   memory (reading the files is the CLI's job, not the package's). Best of
   --runs for each.
2. Per-call overhead: for articles of the corpus between 4.5 and 5.5 KB that
   hold findings, the time of one `Engine.check(text)` call minus the time of
   the same analysis timed inside Rust (`Engine._time_check`); the median.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import openclaim

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(os.environ.get("OPENCLAIM_BIN", ROOT / "target/release/openclaim"))
GEN = ROOT / "target/release/examples/gen_corpus"


def corpus(n: int) -> Path:
    d = ROOT / f"target/bench-corpus-py-{n}"
    if not (d / ".done").exists():
        subprocess.run([str(GEN), str(d), str(n)], check=True, capture_output=True)
        (d / ".done").write_text("")
    return d


def best(f, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=9000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    d = corpus(args.n)
    files = sorted(p for p in d.rglob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    paths = [str(p.relative_to(d)) for p in files]
    size = sum(len(t.encode()) for t in texts) / 1e6

    def cli():
        subprocess.run([str(BIN), "check", "--no-config", "--format", "jsonl", "-j1", "--no-exit", str(d)],
                       check=True, stdout=subprocess.DEVNULL)

    engine = openclaim.Engine()
    cli_s = best(cli, args.runs)
    py_s = best(lambda: engine.check_many(texts, threads=1, paths=paths), args.runs)
    py2_s = best(lambda: engine.check_many(texts, paths=paths), args.runs)
    print(f"corpus: {len(texts)} articles, {size:.1f} MB")
    print(f"CLI check --format jsonl -j1:       {cli_s:.3f} s  {size / cli_s:6.1f} MB/s")
    print(f"Engine.check_many(threads=1):       {py_s:.3f} s  {size / py_s:6.1f} MB/s"
          f"  = {cli_s / py_s:.2f} of the CLI per core")
    print(f"Engine.check_many (every core, {os.cpu_count()}):  {py2_s:.3f} s  {size / py2_s:6.1f} MB/s")

    sample = [t for t in texts if 4500 <= len(t.encode()) <= 5500 and engine.check(t)["findings"]][:40]
    overheads, analyses = [], []
    for t in sample:
        inner = engine._time_check(t, 300)
        call = best(lambda: [engine.check(t) for _ in range(300)], 3) / 300
        analyses.append(inner)
        overheads.append(call - inner)
    print(f"5 KB articles with findings: {len(sample)}; analysis {statistics.median(analyses) * 1e6:.1f} µs, "
          f"Python call overhead {statistics.median(overheads) * 1e6:.1f} µs (median)")


if __name__ == "__main__":
    sys.exit(main())
