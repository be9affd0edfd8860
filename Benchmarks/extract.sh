#!/usr/bin/env bash
# Throughput of `yjstat extract`: builds the release binary, makes 1,000 report-sized inputs and
# times extracting them all into one dataset. Prints the rate. Not a test.
#
# Inputs are the seed reports (../shared/seeds beside the repository, or $YJSTAT_SEEDS) copied
# round-robin; without seeds, a synthetic report of similar size is generated.
# Usage: Benchmarks/extract.sh [COUNT]   (default 1000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-1000}"
scratch="${SCRATCH:-$root/.build-bench}"
seeds="${YJSTAT_SEEDS:-$root/../shared/seeds}"

swift build -c release --product yjstat --scratch-path "$scratch" >/dev/null
binary="$scratch/release/yjstat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

sources=()
if compgen -G "$seeds/*.txt" >/dev/null; then
  sources=("$seeds"/*.txt)
else
  python3 - "$work/synthetic.txt" <<'PY'
import sys
lines = ["Synthtown Youth Offending Service Score 24/36", "Overall rating Good"]
names = ["Governance and leadership", "Staff", "Partnerships and services", "Information and facilities",
         "Assessment", "Planning", "Implementation and delivery", "Reviewing",
         "Assessment", "Planning", "Implementation and delivery", "Joint working"]
ids = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]
lines += [f"{i} {n} Good" for i, n in zip(ids, names)]
for i, n in zip(ids[4:], names[4:]):
    lines += [f"{i}. {n}", "Good", "Of the 6 cases inspected Relevant cases Number 'Yes'",
              "Does the work support desistance? 6 5", "Does the work keep the child safe? 6 5",
              "Does the work keep other people safe? 6 5"]
    lines += ["Narrative text about the standard, repeated to report size. " * 3] * 120
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
  sources=("$work/synthetic.txt")
fi

bytes=0
for ((i = 0; i < count; i++)); do
  src="${sources[$((i % ${#sources[@]}))]}"
  cp "$src" "$work/in/report-$i.txt"
  bytes=$((bytes + $(wc -c <"$src")))
done

status=0
TIMEFORMAT="%R %U %S"
timing=$( { time "$binary" extract "$work"/in/*.txt --out "$work/out" >/dev/null 2>"$work/stderr" || echo "exit $?" >"$work/status"; } 2>&1 )
if [ -f "$work/status" ]; then status=$(cut -d' ' -f2 <"$work/status"); fi
read -r real user sys <<<"$timing"
if [ "$status" -gt 1 ]; then echo "extract failed with exit $status" >&2; exit "$status"; fi

python3 - "$real" "$user" "$sys" "$count" "$bytes" "$work/out/inspections.csv" <<'PY'
import sys
real, user, system = (float(x) for x in sys.argv[1:4])
count, size = int(sys.argv[4]), int(sys.argv[5])
rows = sum(1 for _ in open(sys.argv[6])) - 1
cpu = user + system
print(f"extracted {count} reports ({size / 1e6:.1f} MB, {rows} inspections written)")
print(f"  wall {real:.2f} s: {count / real:.0f} reports/s, {size / 1e6 / real:.1f} MB/s")
print(f"  cpu  {cpu:.2f} s: {count / cpu:.0f} reports/s per core (the wall figure depends on machine load)")
PY
