#!/usr/bin/env bash
# Whole-process benchmark, in one run: generates a ~50 MB corpus (once), then
# times `openclaim check --format jsonl` on one thread and on every core
# against a pulldown-cmark parse-only binary over the same files, and prints
# MB/s, ratios, peak memory (max RSS) and the glossary load + matcher build
# time. With --big it also checks a ~1 GB corpus for peak memory.
#
#   scripts/bench.sh [--big] [--runs R]
#
# Environment: N (articles, default 9000 ≈ 50 MB), BENCH_DIR (corpus
# directory, default target/bench-corpus), CARGO_TARGET_DIR, NO_BUILD=1 (use
# the binaries already built).
set -euo pipefail
cd "$(dirname "$0")/.."

BIG=0
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --big) BIG=1 ;;
    --runs) RUNS="$2"; shift ;;
    *) echo "usage: scripts/bench.sh [--big] [--runs R]" >&2; exit 2 ;;
  esac
  shift
done

N=${N:-9000}
DIR=${BENCH_DIR:-target/bench-corpus}
TARGET=${CARGO_TARGET_DIR:-target}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet --bin openclaim --example gen_corpus --example parse_only --example glossary_load
BIN="$TARGET/release"

corpus() { # DIR N
  if [ ! -f "$1/.articles-$2" ]; then
    rm -rf "$1"
    "$BIN/examples/gen_corpus" "$1" "$2" >/dev/null
    touch "$1/.articles-$2"
  fi
}

# run LABEL CMD...: median wall seconds over $RUNS runs, max RSS in KB -> globals SECS, RSS
run() {
  local label="$1"; shift
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    "$TIME" -f "%e %M %U %S" -o "$TARGET/bench-time.txt" "$@" >/dev/null 2>"$TARGET/bench-stderr.txt" || true
    read -r t m u y < <(tail -n 1 "$TARGET/bench-time.txt")
    times+=("$t $(echo "$u + $y" | bc -l)")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  read -r SECS CPU < <(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
  RSS=$rss
  printf '%-36s %7.3f s %7.1f MB/s  %6.2f s CPU  %6.1f MB max RSS\n' "$label" "$SECS" "$(echo "$BYTES / 1000000 / $SECS" | bc -l)" "$CPU" "$(echo "$RSS / 1024" | bc -l)"
}

corpus "$DIR" "$N"
FILES=$(find "$DIR" -name '*.md' | wc -l)
BYTES=$(find "$DIR" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')
find "$DIR" -name '*.md' -exec cat {} + >/dev/null # warm the page cache
CORES=$(nproc)

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $CORES cores; $(uname -sr)"
echo "corpus:  $DIR: $FILES files, $(echo "$BYTES / 1000000" | bc -l | xargs printf '%.1f') MB (gen_corpus $N)"
echo "runs:    median of $RUNS (wall time); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

run "pulldown-cmark parse only (1 thread)" "$BIN/examples/parse_only" "$DIR"
PARSE=$SECS
run "openclaim check -j1" "$BIN/openclaim" check --format jsonl --fail-on never -q -j1 "$DIR"
ONE=$SECS
run "openclaim check -j$CORES" "$BIN/openclaim" check --format jsonl --fail-on never -q -j"$CORES" "$DIR"
ALL=$SECS
echo
printf 'single thread / parse only:  %.2f  (target >= 0.33)\n' "$(echo "$PARSE / $ONE" | bc -l)"
printf '%d cores / 1 core:            %.2f  (target >= 1.7 on 2 cores)\n' "$CORES" "$(echo "$ONE / $ALL" | bc -l)"
"$BIN/examples/glossary_load"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on the machine skew wall times, the multi-core ratio most)"

if [ "$BIG" = 1 ]; then
  BIGDIR="${DIR}-1g"
  corpus "$BIGDIR" 185000
  BYTES=$(find "$BIGDIR" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')
  echo
  echo "big corpus: $BIGDIR: $(find "$BIGDIR" -name '*.md' | wc -l) files, $(echo "$BYTES / 1000000" | bc -l | xargs printf '%.0f') MB"
  RUNS=1 run "openclaim check -j$CORES (1 GB)" "$BIN/openclaim" check --format jsonl --fail-on never -q -j"$CORES" "$BIGDIR"
fi
