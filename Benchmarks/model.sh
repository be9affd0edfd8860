#!/usr/bin/env bash
# Benchmark: `yjstat model` (logistic regression from a streamed case-level extract), pure-Swift
# linear algebra against LAPACKE.
#
#   Benchmarks/model.sh                                   # 10 million rows, 3 runs per solver
#   ROWS=1000000 REPEATS=3 Benchmarks/model.sh            # a reduced size
#
# Builds yjstat in release mode twice — default (pure Swift) and with `--traits LAPACKE` (needs
# liblapacke-dev; scratch path .build-lapacke-release) — writes one planted extract with
# `yjstat synth --plant-remand-effect Black=2.5`, then runs the same model with each solver,
# alternating, and reports the median wall time and the peak resident memory (GNU time's
# maximum RSS, or getrusage through python3 when /usr/bin/time is absent). It also checks that
# both solvers print the same CSV to the last digit shown (the library's tests require 1e-10).
#
# The model: terms ethnicity, sex, age, offence, year and service (TERMS), i.e. one parameter per
# non-reference level — 7 + 3 + 8 + 14 + 5 + 155 levels give 187 parameters with service, 33
# without it. TERMS=ethnicity,sex,age,offence,year,service is the default; set TERMS to change it.
#
# Environment: ROWS (10000000), REPEATS (3), TERMS, WORK (/tmp/yjstat-model-bench), KEEP_DATA=1.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
ROWS=${ROWS:-10000000}
REPEATS=${REPEATS:-3}
TERMS=${TERMS:-ethnicity,sex,age,offence,year,service}
WORK=${WORK:-/tmp/yjstat-model-bench}
mkdir -p "$WORK"

echo "== release builds" >&2
swift build -c release --product yjstat >&2
swift_bin="$(swift build -c release --show-bin-path)/yjstat"
swift build -c release --product yjstat --traits LAPACKE --scratch-path .build-lapacke-release >&2
lapacke_bin="$(swift build -c release --traits LAPACKE --scratch-path .build-lapacke-release --show-bin-path)/yjstat"

data="$WORK/planted-$ROWS.csv"
if [ "${KEEP_DATA:-0}" != 1 ] || [ ! -f "$data" ]; then
  "$swift_bin" synth --rows "$ROWS" --seed 20240601 --plant-remand-effect Black=2.5 --out "$data" >&2
fi
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $data ($(du -m "$data" | cut -f1) MB, $ROWS rows); terms: $TERMS"

run() {  # run BIN SOLVER OUT -> prints "seconds maxrss_kb"
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
binary, solver, out, data, terms = sys.argv[1:6]
start = time.perf_counter()
subprocess.run([binary, "model", "--records", data, "--outcome", "stage=remand", "--among", "stage=court",
                "--among", "stage=remand", "--terms", terms, "--reference", "ethnicity=White", "--firth",
                "--solver", solver, "--format", "csv", "--output", out], check=True)
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

declare -A times rss
for i in $(seq 1 "$REPEATS"); do
  for solver in swift lapacke; do
    bin=$swift_bin; [ "$solver" = lapacke ] && bin=$lapacke_bin
    read -r t m < <(run "$bin" "$solver" "$WORK/out-$solver.csv" "$data" "$TERMS")
    times[$solver]="${times[$solver]:-} $t"
    rss[$solver]=$(( m > ${rss[$solver]:-0} ? m : ${rss[$solver]:-0} ))
    echo "run $i $solver: ${t}s, max RSS $((m / 1024)) MB" >&2
  done
done
params=$(($(wc -l < "$WORK/out-swift.csv") - 1))
echo "parameters: $params"
echo "| solver | median wall (s) | peak RSS (MB) |"
echo "|---|---:|---:|"
for solver in swift lapacke; do
  median=$(echo "${times[$solver]}" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| $solver | $median | $((rss[$solver] / 1024)) |"
done
# Same answers: compare every numeric column except the solver name.
python3 - "$WORK/out-swift.csv" "$WORK/out-lapacke.csv" <<'PY'
import csv, sys
a, b = (list(csv.DictReader(open(p))) for p in sys.argv[1:3])
worst = 0.0
for ra, rb in zip(a, b):
    for key in ra:
        if key == "solver": continue
        try: x, y = float(ra[key]), float(rb[key])
        except ValueError: assert ra[key] == rb[key], key; continue
        worst = max(worst, abs(x - y) / max(abs(y), 1e-300))
print(f"largest relative difference between solvers: {worst:.2e}")
PY
