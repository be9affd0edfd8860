#!/usr/bin/env bash
# Benchmark: yjstat aggregate against polars, DuckDB and pandas on made-up case-level extracts.
#
#   Benchmarks/run.sh                     # 1 million and 10 million rows, 3 runs each
#   SIZES="1000000" REPEATS=5 Benchmarks/run.sh
#
# Builds yjstat in release mode, writes the extracts with `yjstat synth` (seed 20240601), creates a
# throwaway virtual environment with polars, duckdb, pandas and psutil, then for each size runs
# Benchmarks/compare.py, which times every tool doing the same group-by count on the same file,
# checks that all counts are identical, and prints a Markdown table.
#
# Environment: SIZES (default "1000000 10000000"), REPEATS (3), KEYS (service,ethnicity,stage),
# WORK (/tmp/yjstat-bench: data and outputs, about 1.1 GB for 10M rows), VENV
# (/tmp/yjstat-bench-venv), SCRATCH (SwiftPM scratch path, default .build), KEEP_DATA=1 to reuse
# extracts already written.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
SIZES=${SIZES:-"1000000 10000000"}
REPEATS=${REPEATS:-3}
KEYS=${KEYS:-service,ethnicity,stage}
WORK=${WORK:-/tmp/yjstat-bench}
VENV=${VENV:-/tmp/yjstat-bench-venv}
SCRATCH=${SCRATCH:-.build}
mkdir -p "$WORK"

echo "== release build" >&2
swift build -c release --scratch-path "$SCRATCH" >&2
bin="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/yjstat"

echo "== virtual environment $VENV" >&2
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check polars duckdb pandas psutil >&2
"$VENV/bin/python" -c 'import polars, duckdb, pandas, sys; print("python", sys.version.split()[0], "polars", polars.__version__, "duckdb", duckdb.__version__, "pandas", pandas.__version__)'

echo "== machine"
echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memory: $(free -g | awk '/Mem:/ {print $2}') GB"
echo "yjstat: $("$bin" --version); swift: $(swift --version 2>&1 | head -1)"

for rows in $SIZES; do
  file="$WORK/records-$rows.csv"
  if [ "${KEEP_DATA:-0}" != 1 ] || [ ! -f "$file" ]; then
    echo "== synth $rows rows" >&2
    "$bin" synth --rows "$rows" --seed 20240601 --out "$file" >&2
  fi
  echo
  echo "== $rows rows, keys $KEYS, $REPEATS runs per tool ($(uptime | sed 's/.*load/load/'))"
  "$VENV/bin/python" Benchmarks/compare.py --yjstat "$bin" --python "$VENV/bin/python" --file "$file" \
    --keys "$KEYS" --repeats "$REPEATS" --work "$WORK" --json "$WORK/results-$rows.json"
done
