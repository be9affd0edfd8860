#!/usr/bin/env bash
# Smoke runs of the commands the README shows, on the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build -c release --show-bin-path)/yjstat"
"$bin" --version
"$bin" interval --yes 11 --of 17 --method all
"$bin" check --inspection Datasets
"$bin" rate --inspection Datasets --service north-somerset --format csv > /dev/null
"$bin" compare --numerator 126 --denominator 250 --reference 40.1%
svgdir="$(mktemp -d)"
"$bin" funnel --data Datasets/examples/services.csv --overdispersion --svg "$svgdir/funnel.svg" > /dev/null
rm -rf "$svgdir"
if compgen -G "../shared/seeds/*.txt" > /dev/null; then
  out="$(mktemp -d)"
  "$bin" extract ../shared/seeds/*.txt --out "$out" > /dev/null
  rm -rf "$out"
fi
recordsdir="$(mktemp -d)"
"$bin" synth --rows 20000 --seed 1 --out "$recordsdir/records.csv" --crlf > /dev/null
"$bin" aggregate --records "$recordsdir/records.csv" --by service,ethnicity,stage --where year=2023 --format csv > /dev/null
rm -rf "$recordsdir"
"$bin" summary
summarydir="$(mktemp -d)"
"$bin" summary --format json --out "$summarydir" > /dev/null
for notebook in notebook-sampling notebook-ratings notebook-disproportionality notebook-comparisons; do
  "$(dirname "$bin")/$notebook" "$summarydir/$notebook" > /dev/null
done
rm -rf "$summarydir"
