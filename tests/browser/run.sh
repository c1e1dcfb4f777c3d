#!/usr/bin/env bash
# Browser tests for `openclaim serve`: builds the release binary if needed,
# installs playwright-core from package-lock.json and drives Debian's
# Chromium. Skips (exit 0) only when Chromium is missing and cannot be
# installed because there is no apt-get.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "browser tests: installing chromium with apt-get"
    apt-get update && apt-get install -y chromium
  else
    echo "browser tests: SKIPPED: $CHROMIUM is missing and there is no apt-get to install it (Debian package: chromium)"
    exit 0
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser tests: Node.js and npm are needed (Debian packages: nodejs npm)" >&2
  exit 1
fi

export OPENCLAIM_BIN="${OPENCLAIM_BIN:-$root/target/release/openclaim}"
if [ -z "${OPENCLAIM_SKIP_BUILD:-}" ]; then
  (cd "$root" && cargo build --release --bin openclaim)
fi

cd "$here"
npm ci --no-audit --no-fund
node --test --test-concurrency=1 page.test.mjs
