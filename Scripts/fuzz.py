#!/usr/bin/env python3
"""Seeded robustness fuzz run over every yjstat subcommand (issue 16).

Each case builds a command line from one of these classes and runs the built binary in a fresh
scratch folder holding copies of the inputs:

  numbers   hostile whole numbers and decimals in every count/size/percent flag
  mutate    byte-level mutations (flip, insert, delete, duplicate a line, cut, CR-only line ends,
            stray quotes, long fields) of the bundled datasets, examples, framework and seed reports
  outputs   special files and inputs at --output/--svg/--out (FIFO without reader, /dev/null,
            /dev/full, a symlink or hard link to an input, the input itself, '-')

Property checked for every case:
  * exit 0 or 1 with something on standard output, or exit 2 with a message on standard error
    that names a flag (--x), a file (name:line or name:) or standard output;
  * never killed by a signal (crash) and never slower than --timeout seconds (hang);
  * no file in the scratch folder other than the named outputs is created, changed or removed
    (overwrite), and no special file is replaced by a regular one;
  * no silent loss: an `aggregate --on-error skip` run reports rows read + skipped, and exit 0
    from `summary`/`rate` on a dataset with a duplicated row is a loss.

Usage:  python3 Scripts/fuzz.py --cases 3000 --seed 1 [--binary .build/release/yjstat]
Exit status 0 when no case failed; the failures are listed (first 20) with their command lines.
"""
import argparse
import hashlib
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = os.path.join(ROOT, "Datasets")
EXAMPLES = os.path.join(DATASETS, "examples")
FRAMEWORK = os.path.join(ROOT, "Sources", "YJStat", "Inspection", "Frameworks", "youth-2018.json")
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")

HOSTILE = ["0", "1", "-1", "2", "45", "100", "101", "1000000000000", "1000000000001", "999999999999",
           "4611686018427387904", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
           "100000000000000000", "1e3", "1.5", "NaN", "inf", "-0", "0x10", "", " 7", "1_000", "12a", "１２"]
DECIMALS = ["0", "0.5", "1", "-0.1", "1e308", "-1e308", "1e-320", "nan", "inf", "50", "99.999", "100", "0.95"]


def snapshot(folder):
    state = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
            if stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    state[path] = ("file", hashlib.sha1(handle.read()).hexdigest())
            else:
                state[path] = ("special", stat.S_IFMT(info.st_mode))
    return state


def mutate(data, rng):
    data = bytearray(data)
    kind = rng.choice(["flip", "insert", "delete", "dupline", "cut", "cr", "quote", "long", "digits", "blank"])
    if not data:
        return bytes(data), kind
    at = rng.randrange(len(data))
    if kind == "flip":
        data[at] = rng.randrange(256)
    elif kind == "insert":
        data[at:at] = bytes(rng.choice([b",", b"\"", b"\n", b"\r", b"\x00", b"\xff", b"-", b"9" * 20]))
    elif kind == "delete":
        del data[at:at + rng.randrange(1, 40)]
    elif kind == "dupline":
        lines = bytes(data).split(b"\n")
        if len(lines) > 2:
            i = rng.randrange(1, len(lines) - 1)
            lines.insert(i, lines[i])
        data = bytearray(b"\n".join(lines))
    elif kind == "cut":
        data = data[:at]
    elif kind == "cr":
        data = bytearray(bytes(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    elif kind == "quote":
        data[at:at] = b"\""
    elif kind == "long":
        data[at:at] = b"x" * rng.choice([70000, 1 << 20, (1 << 20) + 7])
    elif kind == "digits":
        data[at:at] = rng.choice([b"9223372036854775807", b"1000000000001", b"-5", b"4611686018427387904"])
    elif kind == "blank":
        lines = bytes(data).split(b"\n")
        if len(lines) > 2:
            i = rng.randrange(1, len(lines) - 1)
            fields = lines[i].split(b",")
            fields[rng.randrange(len(fields))] = b""
            lines[i] = b",".join(fields)
        data = bytearray(b"\n".join(lines))
    return bytes(data), kind


def number_case(rng):
    h = lambda: rng.choice(HOSTILE)
    d = lambda: rng.choice(DECIMALS)
    choices = [
        ["interval", "--yes", h(), "--of", h(), "--method", rng.choice(["all", "mid-p", "clopper-pearson", "wilson", "jeffreys"])],
        ["interval", "--yes", h(), "--of", h(), "--population", h(), "--method", rng.choice(["all", "hypergeometric", "fpc-wald"])],
        ["compare", "--numerator", h(), "--denominator", h(), "--reference", d()],
        ["compare", "--numerator", h(), "--denominator", h(), "--reference", d(), "--measure", "rate",
         "--method", rng.choice(["auto", "exact", "byar"])],
        ["compare", "--percent", d(), "--denominator", h(), "--reference", d()],
        ["representation", "--service-percent", rng.choice(["20", "0", "100", "50.5", d()]),
         "--comparator-percent", rng.choice(["12", "0", "100", d()]), "--total", h()] + (["--comparator-total", h()] if rng.random() < 0.5 else []),
        ["band-confidence", "--yes", h(), "--of", h()] + (["--population", h()] if rng.random() < 0.7 else []),
        ["design-risk", "--sample", h()] + (["--population", h()] if rng.random() < 0.5 else []) + (["--true-proportion", d()] if rng.random() < 0.3 else []),
        ["margin", "--sample", h()] + (["--population", h()] if rng.random() < 0.5 else []),
        ["sample-size", "--population", h(), "--margin", d()],
        ["audit-sample", "--sample", h(), "--population", h()],
        ["allocate", "--sample", h(), "--csv-table", "strata.csv"],
        ["synth", "--rows", rng.choice(["0", "-1", "3", "1e3", "abc", "10"]), "--seed", rng.choice(["1", "-1", "18446744073709551616"]), "--out", "synth.csv"],
    ]
    return rng.choice(choices), ["synth.csv"]


def mutate_case(rng, scratch):
    target = rng.choice(["counts", "services", "strata", "demographics", "framework", "dataset", "seed", "records"])
    if target == "counts":
        path = "counts.csv"; args = ["disproportionality", "--counts", path]
    elif target == "services":
        path = "services.csv"; args = ["funnel", "--data", path] + (["--measure", "rate"] if rng.random() < 0.3 else [])
    elif target == "strata":
        path = "strata.csv"; args = ["allocate", "--sample", "60", "--csv-table", path]
    elif target == "demographics":
        path = "ds/demographics.csv"; args = ["representation", "--demographics", path]
    elif target == "framework":
        path = "fw.json"; args = rng.choice([["rate", "--inspection", "ds", "--framework", path],
                                             ["summary", "--datasets", "ds", "--framework", path]])
    elif target == "dataset":
        name = rng.choice(sorted(os.listdir(os.path.join(scratch, "ds"))))
        path = os.path.join("ds", name)
        args = rng.choice([["summary", "--datasets", "ds"], ["rate", "--inspection", "ds"], ["check", "--inspection", "ds"]])
    elif target == "seed":
        path = "report.txt"; args = rng.choice([["extract", path], ["check", "--report", path]])
    else:
        path = "records.csv"
        args = ["aggregate", "--records", path, "--by", "service,ethnicity", "--format", "json"] + (["--on-error", "skip"] if rng.random() < 0.6 else [])
    full = os.path.join(scratch, path)
    with open(full, "rb") as handle:
        data = handle.read()
    mutated, kind = mutate(data, rng)
    with open(full, "wb") as handle:
        handle.write(mutated)
    if kind == "dupline" and mutated != data and args[0] in ("summary", "rate") and (
            args[0] == "summary" or os.path.basename(path) in ("inspections.csv", "ratings.csv", "key_questions.csv")):
        kind = "dupline-read"
    return args, [], kind


def output_case(rng, scratch):
    kind = rng.choice(["fifo", "devnull", "devfull", "symlink", "hardlink", "input", "dash", "stdout"])
    base = rng.choice([["interval", "--yes", "1", "--of", "3"],
                       ["disproportionality", "--counts", "counts.csv"],
                       ["rate", "--inspection", "ds", "--framework", "fw.json"],
                       ["funnel", "--data", "services.csv"]])
    flag = "--output"
    if base[0] == "funnel" and rng.random() < 0.5:
        flag = "--svg"
    victim = {"disproportionality": "counts.csv", "rate": "fw.json", "funnel": "services.csv", "interval": "counts.csv"}[base[0]]
    if kind == "fifo":
        os.mkfifo(os.path.join(scratch, "pipe"))
        target = "pipe"
    elif kind == "devnull":
        target = "/dev/null"
    elif kind == "devfull":
        target = "/dev/full"
    elif kind == "symlink":
        os.symlink(victim, os.path.join(scratch, "link"))
        target = "link"
    elif kind == "hardlink":
        os.link(os.path.join(scratch, victim), os.path.join(scratch, "hard"))
        target = "hard"
    elif kind == "input":
        target = victim if base[0] != "rate" else rng.choice(["fw.json", "ds/ratings.csv"])
    elif kind == "dash":
        target = "-"
    else:
        target = "/dev/stdout"
    return base + [flag, target], [], kind


def prepare(scratch, seeds):
    shutil.copytree(DATASETS, os.path.join(scratch, "ds"), ignore=shutil.ignore_patterns("examples", "*.md"))
    for name in ["counts.csv", "services.csv", "strata.csv"]:
        shutil.copy(os.path.join(EXAMPLES, name), scratch)
    shutil.copy(FRAMEWORK, os.path.join(scratch, "fw.json"))
    if seeds:
        shutil.copy(seeds, os.path.join(scratch, "report.txt"))
    else:
        with open(os.path.join(scratch, "report.txt"), "w") as handle:
            handle.write("Inspection of youth offending services\n")
    with open(os.path.join(scratch, "records.csv"), "w") as handle:
        handle.write("service,ethnicity,stage\n")
        for i in range(60):
            handle.write(f"s{i % 3},{['White', 'Black', 'Asian'][i % 3]},arrest\n")


def located(stderr):
    text = stderr.strip()
    if "error:" not in text:
        return False
    message = text.split("error:", 1)[1]
    return "--" in message or ":" in message or "standard output" in message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "yjstat"))
    parser.add_argument("--timeout", type=float, default=10.0)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz.py: no executable at {binary} (build it first: swift build -c release)")
    seeds = sorted(os.path.join(SEEDS, f) for f in os.listdir(SEEDS)) if os.path.isdir(SEEDS) else []
    rng = random.Random(options.seed)
    tally = {"cases": 0, "crashes": 0, "hangs": 0, "overwrites": 0, "silent losses": 0, "unlocated": 0}
    failures = []
    started = time.time()
    for case in range(options.cases):
        scratch = tempfile.mkdtemp(prefix="yjstat-fuzz-")
        try:
            prepare(scratch, rng.choice(seeds) if seeds else None)
            roll = rng.random()
            if roll < 0.4:
                args, outputs = number_case(rng); kind = "numbers"
            elif roll < 0.85:
                args, outputs, kind = mutate_case(rng, scratch)
            else:
                args, outputs, kind = output_case(rng, scratch)
            before = snapshot(scratch)
            try:
                result = subprocess.run([binary] + args, cwd=scratch, stdin=subprocess.DEVNULL,
                                        capture_output=True, timeout=options.timeout)
            except subprocess.TimeoutExpired:
                tally["hangs"] += 1
                failures.append(("hang", kind, args, ""))
                continue
            after = snapshot(scratch)
            tally["cases"] += 1
            stderr = result.stderr.decode("utf-8", "replace")
            problem = None
            if result.returncode < 0 or result.returncode > 2:
                tally["crashes"] += 1; problem = "crash"
            elif result.returncode == 2 and not located(stderr):
                tally["unlocated"] += 1; problem = "unlocated"
            elif result.returncode in (0, 1) and not result.stdout and "--output" not in args and "--svg" not in args \
                    and args[0] != "synth":
                tally["unlocated"] += 1; problem = "no output"
            named = {os.path.join(scratch, o) for o in outputs}
            for flag in ("--output", "--svg", "--out"):
                if flag in args:
                    named.add(os.path.normpath(os.path.join(scratch, args[args.index(flag) + 1])))
            changed = [p for p in set(before) | set(after) if before.get(p) != after.get(p)
                       and p not in named and not os.path.basename(p).startswith(".")]
            leftovers = [p for p in after if ".tmp-" in os.path.basename(p)]
            replaced = [p for p in before if before[p][0] == "special" and after.get(p, ("gone",))[0] != "special"]
            if changed or leftovers or replaced:
                tally["overwrites"] += 1; problem = problem or f"overwrite {sorted(changed + leftovers + replaced)}"
            if result.returncode == 0 and kind == "dupline-read":
                # A duplicated data line in a one-row-per-key file must not pass silently.
                tally["silent losses"] += 1; problem = problem or "silent loss (duplicate accepted)"
            if problem:
                failures.append((problem, kind, args, stderr[-300:]))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.time() - started
    print(f"fuzz.py: seed {options.seed}, {options.cases} cases in {elapsed:.0f} s: "
          f"{tally['crashes']} crashes, {tally['hangs']} hangs, {tally['overwrites']} overwrites, "
          f"{tally['silent losses']} silent losses, {tally['unlocated']} unlocated or empty results")
    for problem, kind, args, stderr in failures[:20]:
        print(f"  {problem} [{kind}]: yjstat {' '.join(args)}\n    {stderr.strip()[:300]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
