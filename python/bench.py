"""Python against the CLI, in one run: throughput per core and per-call overhead.

    python python/bench.py [--n 9000] [--runs 3]

1. Throughput per core: `openclaim check --format jsonl -j1` over the bench
   corpus (`gen_corpus DIR N`, as scripts/bench.sh generates it) against
   `Engine.check_many(texts, threads=1)` over the same articles already in
   memory (reading the files is the CLI's job, not the package's). Runs are
   interleaved; the best of --runs for each.
2. Per-call overhead: for articles of the corpus between 4.5 and 5.5 KB that
   hold findings, the wall time of one `openclaim.check(text)` call (and of
   one `Engine.check(text)`) minus the wall time of the same analysis run
   in a loop inside Rust (`Engine._time_check`), each the fastest of seven
   interleaved batches of 100 calls; the median over the articles.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

# The installed package, not the source folder beside this script.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
import openclaim  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(os.environ.get("OPENCLAIM_BIN", ROOT / "target/release/openclaim"))
GEN = ROOT / "target/release/examples/gen_corpus"


def corpus(n: int) -> Path:
    d = ROOT / f"target/bench-corpus-py-{n}"
    if not (d / ".done").exists():
        subprocess.run([str(GEN), str(d), str(n)], check=True, capture_output=True)
        (d / ".done").write_text("")
    return d


def timed(f):
    """(wall seconds, CPU seconds of this process and its children) for one call of f.

    On a shared machine the CPU time is the fairer figure: it does not grow
    while other processes hold the cores.
    """
    def cpu():
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    w, c = time.perf_counter(), cpu()
    f()
    return time.perf_counter() - w, cpu() - c


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
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    engine = openclaim.Engine()
    # Interleaved, so that load from other processes on a shared machine
    # falls on both sides alike; the best run of each counts.
    runs = {"cli": [], "one": [], "all": []}
    for _ in range(args.runs):
        runs["cli"].append(timed(cli))
        runs["one"].append(timed(lambda: engine.check_many(texts, threads=1, paths=paths)))
        runs["all"].append(timed(lambda: engine.check_many(texts, paths=paths)))
    wall = {k: min(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: min(c for _, c in v) for k, v in runs.items()}
    print(f"corpus: {len(texts)} articles, {size:.1f} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"CLI check --format jsonl -j1:   wall {wall['cli']:.3f} s ({size / wall['cli']:6.1f} MB/s)"
          f"  CPU {cpu['cli']:.3f} s ({size / cpu['cli']:6.1f} MB/s per core)")
    print(f"Engine.check_many(threads=1):   wall {wall['one']:.3f} s ({size / wall['one']:6.1f} MB/s)"
          f"  CPU {cpu['one']:.3f} s ({size / cpu['one']:6.1f} MB/s per core)")
    print(f"  Python / CLI per core: {wall['cli'] / wall['one']:.2f} by wall time, {cpu['cli'] / cpu['one']:.2f} by CPU time")
    print(f"Engine.check_many(all cores):   wall {wall['all']:.3f} s ({size / wall['all']:6.1f} MB/s)")

    sample = [t for t in texts if 4500 <= len(t.encode()) <= 5500 and engine.check(t)["findings"]][:40]
    reps, rounds = 100, 7
    # Wall time per call, the fastest of `rounds` batches of `reps` calls,
    # the three kinds interleaved so that load from other processes falls on
    # all alike. `_time_check` runs the same analysis `reps` times inside
    # Rust, with no Python in between.
    inner, module, method = [], [], []
    for t in sample:
        best = {"inner": [], "module": [], "method": []}
        for _ in range(rounds):
            best["inner"].append(engine._time_check(t, reps))
            best["module"].append(_wall(lambda: _calls(openclaim.check, t, reps)) / reps)
            best["method"].append(_wall(lambda: _calls(engine.check, t, reps)) / reps)
        a = min(best["inner"])
        inner.append(a)
        module.append(min(best["module"]) - a)
        method.append(min(best["method"]) - a)
    med = lambda xs: statistics.median(xs) * 1e6  # noqa: E731
    print(f"5 KB articles with findings: {len(sample)}; the analysis timed in Rust {med(inner):.1f} µs wall (median)")
    print(f"  a call adds (median, wall): openclaim.check {med(module):.1f} µs, Engine.check {med(method):.1f} µs")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def _calls(f, text, reps):
    for _ in range(reps):
        f(text)


def _wall(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())
