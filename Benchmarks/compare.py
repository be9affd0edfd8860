"""Times yjstat aggregate against polars, DuckDB and pandas on one file and checks the counts.

Usage: compare.py --yjstat BIN --python VENV_PYTHON --file FILE [--keys K1,K2] [--repeats 3]
                  [--tools yjstat,polars,duckdb,pandas] [--work DIR] [--json OUT]

Each run is a separate process started through a small wrapper that reports the child's peak
resident memory (getrusage RUSAGE_CHILDREN ru_maxrss, the RSS high-water mark). Tools run
round-robin (yjstat, polars, duckdb, pandas, then again) so that load from other processes falls
on all of them alike. Reported per tool: median wall time of the whole process; for the Python
tools also the median time of the query alone (import excluded); MB/s = file size / time; peak
RSS (largest over the runs); and yjstat's speed relative to each peer, computed against the
peer's query-only time — the comparison least favourable to yjstat.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(repr((done.returncode, wall, peak, done.stdout, done.stderr)))
"""


def run_measured(command):
    out = subprocess.run([sys.executable, "-c", MEASURE] + command, stdout=subprocess.PIPE, text=True, check=True)
    code, wall, peak_kb, stdout, stderr = eval(out.stdout)  # our own repr() output
    if code != 0:
        raise SystemExit(f"{command[0]} failed ({code}):\n{stderr}")
    return wall, peak_kb, stdout


def read_counts(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    return {tuple(row[:-1]): int(row[-1]) for row in rows[1:]}


def load_average():
    return os.getloadavg()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--yjstat", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--keys", default="service,ethnicity,stage")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tools", default="yjstat,polars,duckdb,pandas")
    parser.add_argument("--work", default="/tmp/yjstat-bench")
    parser.add_argument("--json")
    args = parser.parse_args()
    tools = args.tools.split(",")
    os.makedirs(args.work, exist_ok=True)
    size = os.path.getsize(args.file)
    runs = {tool: [] for tool in tools}
    outputs = {}
    load_before = load_average()
    for repeat in range(args.repeats):
        for tool in tools:
            out = os.path.join(args.work, f"counts-{tool}.csv")
            if os.path.exists(out):
                os.remove(out)
            if tool == "yjstat":
                command = [args.yjstat, "aggregate", "--records", args.file, "--by", args.keys,
                           "--format", "csv", "--output", out]
            else:
                command = [args.python, os.path.join(HERE, "peers.py"), tool, args.file, args.keys, out]
            wall, peak_kb, stdout = run_measured(command)
            query = json.loads(stdout.strip().splitlines()[-1])["query_seconds"] if tool != "yjstat" else wall
            runs[tool].append({"wall": wall, "query": query, "peak_kb": peak_kb})
            outputs[tool] = read_counts(out)
            print(f"  run {repeat + 1} {tool:7s} wall {wall:7.3f} s  query {query:7.3f} s  peak {peak_kb / 1024:7.1f} MB",
                  file=sys.stderr, flush=True)
    load_after = load_average()

    reference = outputs[tools[0]]
    agree = {tool: outputs[tool] == reference for tool in tools}
    summary = {"file": args.file, "bytes": size, "keys": args.keys, "repeats": args.repeats,
               "load_before": load_before, "load_after": load_after, "counts_identical": all(agree.values()),
               "groups": len(reference), "rows_counted": sum(reference.values()), "tools": {}}
    yj = statistics.median(r["wall"] for r in runs["yjstat"]) if "yjstat" in runs else None
    for tool in tools:
        wall = statistics.median(r["wall"] for r in runs[tool])
        query = statistics.median(r["query"] for r in runs[tool])
        peak = max(r["peak_kb"] for r in runs[tool]) / 1024
        entry = {"median_wall_s": wall, "median_query_s": query, "mb_per_s_wall": size / 1e6 / wall,
                 "mb_per_s_query": size / 1e6 / query, "peak_rss_mb": peak, "counts_match": agree[tool],
                 "runs": runs[tool]}
        if yj is not None and tool != "yjstat":
            entry["speedup_vs_query"] = query / yj
            entry["speedup_vs_wall"] = wall / yj
        summary["tools"][tool] = entry

    print(f"\nfile {args.file}: {size / 1e6:.1f} MB, {summary['rows_counted']} rows, {summary['groups']} groups; "
          f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    print("| tool | median wall (s) | median query (s) | MB/s (query) | peak RSS (MB) | yjstat speed-up (vs query; vs wall) | counts |")
    print("|---|---:|---:|---:|---:|---|---|")
    for tool in tools:
        e = summary["tools"][tool]
        ratio = "—" if tool == "yjstat" else f"{e['speedup_vs_query']:.2f}×; {e['speedup_vs_wall']:.2f}×"
        print(f"| {tool} | {e['median_wall_s']:.3f} | {e['median_query_s']:.3f} | {e['mb_per_s_query']:.0f} | "
              f"{e['peak_rss_mb']:.1f} | {ratio} | {'identical' if e['counts_match'] else 'DIFFERENT'} |")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(summary, handle, indent=2)
    if not summary["counts_identical"]:
        for tool in tools:
            if not agree[tool]:
                diff = set(outputs[tool].items()) ^ set(reference.items())
                print(f"{tool} differs from {tools[0]} in {len(diff)} cells, e.g. {sorted(diff)[:3]}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
