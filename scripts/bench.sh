#!/usr/bin/env bash
# Whole-process benchmark, in one run: generates a ~50 MB corpus (once), then
# times `openclaim check --format jsonl` on one thread and on every core
# against a pulldown-cmark parse-only binary over the same files, and prints
# MB/s, ratios, peak memory (max RSS) and the glossary load + matcher build
# time. With --big it also checks a ~1 GB corpus for peak memory. Each run
# also reports how many cores other processes kept busy meanwhile: on a
# shared machine a multi-core figure means little unless that is near 0.
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

busy() { # jiffies the whole machine spent busy so far
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}

# run LABEL CMD...: the fastest of $RUNS runs (best-of, the usual choice on a
# shared machine) -> globals SECS, CPU (user+sys s), OTHERS (cores used by
# other processes during that run), RSS (max over runs, KB)
run() {
  local label="$1"; shift
  local best="" rss=0 hz
  hz=$(getconf CLK_TCK)
  for _ in $(seq "$RUNS"); do
    local b0 b1 t m u y cpu others
    b0=$(busy)
    "$TIME" -f "%e %M %U %S" -o "$TARGET/bench-time.txt" "$@" >/dev/null 2>"$TARGET/bench-stderr.txt" || true
    b1=$(busy)
    read -r t m u y < <(tail -n 1 "$TARGET/bench-time.txt")
    cpu=$(echo "$u + $y" | bc -l)
    others=$(echo "x = (($b1 - $b0) / $hz - $cpu) / $t; if (x < 0) x = 0; x" | bc -l)
    [ "$m" -gt "$rss" ] && rss=$m
    if [ -z "$best" ] || [ "$(echo "$t < ${best%% *}" | bc -l)" = 1 ]; then
      best="$t $cpu $others"
    fi
  done
  read -r SECS CPU OTHERS <<<"$best"
  RSS=$rss
  printf '%-36s %7.3f s %7.1f MB/s  %5.2f s CPU  %6.1f MB max RSS  (others: %.2f cores)\n' \
    "$label" "$SECS" "$(echo "$BYTES / 1000000 / $SECS" | bc -l)" "$CPU" "$(echo "$RSS / 1024" | bc -l)" "$OTHERS"
}

corpus "$DIR" "$N"
FILES=$(find "$DIR" -name '*.md' | wc -l)
BYTES=$(find "$DIR" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')
find "$DIR" -name '*.md' -exec cat {} + >/dev/null # warm the page cache
CORES=$(nproc)

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $CORES cores; $(uname -sr)"
echo "corpus:  $DIR: $FILES files, $(echo "$BYTES / 1000000" | bc -l | xargs printf '%.1f') MB (gen_corpus $N)"
echo "runs:    best of $RUNS (wall time); \"others\" = cores busy with other processes during that run"
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

if [ "$BIG" = 1 ]; then
  BIGDIR="${DIR}-1g"
  corpus "$BIGDIR" 185000
  BYTES=$(find "$BIGDIR" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')
  echo
  echo "big corpus: $BIGDIR: $(find "$BIGDIR" -name '*.md' | wc -l) files, $(echo "$BYTES / 1000000" | bc -l | xargs printf '%.0f') MB"
  RUNS=1 run "openclaim check -j$CORES (1 GB)" "$BIN/openclaim" check --format jsonl --fail-on never -q -j"$CORES" "$BIGDIR"
fi
