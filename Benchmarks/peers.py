"""One group-by count with one peer tool, timed inside the process.

Usage: peers.py TOOL FILE KEYS OUT
  TOOL  polars | duckdb | pandas
  KEYS  comma-separated key columns
  OUT   where to write the counts as CSV (keys..., count), sorted by key

Prints one JSON line: {"query_seconds": ..., "rss_after_import_kb": ...}. The query time
excludes interpreter start-up and library import, which favours the peer tools.
"""
import csv
import json
import resource
import sys
import time


def main():
    tool, path, keys, out = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4]
    if tool == "polars":
        import polars as pl

        def query():
            frame = (pl.scan_csv(path, infer_schema=False)          # every column as text
                     .group_by(keys).agg(pl.len().alias("count"))
                     .collect(engine="streaming"))
            return [tuple(row) for row in frame.iter_rows()]
    elif tool == "duckdb":
        import duckdb

        def query():
            columns = ", ".join(f'"{k}"' for k in keys)
            sql = (f"SELECT {columns}, count(*) FROM read_csv('{path}', header = true, all_varchar = true) "
                   f"GROUP BY {columns}")
            return duckdb.sql(sql).fetchall()
    elif tool == "pandas":
        import pandas as pd

        def query():
            frame = pd.read_csv(path, usecols=keys, dtype=str, keep_default_na=False)
            sizes = frame.groupby(keys, sort=False).size()
            return [(*index, int(count)) for index, count in sizes.items()]
    else:
        sys.exit(f"unknown tool {tool}")
    rss_after_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    rows = query()
    seconds = time.perf_counter() - start
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(keys + ["count"])
        for row in sorted(rows, key=lambda r: tuple(r[:-1])):
            writer.writerow(row)
    print(json.dumps({"query_seconds": seconds, "rss_after_import_kb": rss_after_import}))


if __name__ == "__main__":
    main()
