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
    (overwrite), and no special file is replaced by a regular one; symbolic links are followed
    both ways: a named output that is a link (or a hard link) to an input of the command is not
    a named output but that input, and writing through a link to a file that is not an input is
    a change to the named output;
  * no silent loss: an `aggregate --on-error skip` run reports rows read + skipped, and exit 0
    from `summary`/`rate` on a dataset with a duplicated row is a loss.

Usage:  python3 Scripts/fuzz.py --cases 3000 --seed 1 [--binary .build/release/yjstat] [--keep]
Exit status 0 when no case failed; the failures are listed (first 20) with their command lines.
With --keep each failing case's scratch folder is kept (its path is printed) with a case.txt
holding the command line, the exit status and the standard error, to rerun it by hand.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from shlex import quote

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
    """Every path under folder, not following links: a regular file by its content and inode, a
    symbolic link (to a file or a folder) by its target text, anything else by its type."""
    state = {}
    for dirpath, dirs, files in os.walk(folder):
        linked_dirs = [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]
        for name in files + linked_dirs:
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
            if stat.S_ISLNK(info.st_mode):
                state[path] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    state[path] = ("file", hashlib.sha1(handle.read()).hexdigest(), info.st_ino)
            else:
                state[path] = ("special", stat.S_IFMT(info.st_mode))
    return state


def input_inodes(scratch, args):
    """The (device, inode) of every existing file an argument names (a folder: every file in
    it), links followed: the command's inputs, and any output named like one of them."""
    found = set()
    for arg in args:
        if arg.startswith("--") or not arg:
            continue
        path = os.path.join(scratch, arg)
        if not os.path.exists(path):
            continue
        paths = [path]
        if os.path.isdir(path):
            paths = [os.path.join(d, f) for d, _, files in os.walk(path, followlinks=True) for f in files]
        for each in paths:
            try:
                info = os.stat(each)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.add((info.st_dev, info.st_ino))
    return found


def allowed_outputs(scratch, args, outputs, inputs_before):
    """The paths the command may create or change: each named output and, when it is a link,
    the file it leads to — unless that file (followed) is one of the command's inputs, in
    which case writing it at all is an overwrite."""
    named = {os.path.join(scratch, o) for o in outputs}
    for flag in ("--output", "--svg", "--out"):
        if flag in args and args.index(flag) + 1 < len(args):
            named.add(os.path.normpath(os.path.join(scratch, args[args.index(flag) + 1])))
    allowed = set()
    for path in named:
        try:
            info = os.stat(path)
            if (info.st_dev, info.st_ino) in inputs_before:
                continue
            allowed.add(("inode", info.st_ino))   # other names of the same file (hard links)
        except OSError:
            pass
        allowed.add(path)
        if os.path.islink(path):
            allowed.add(os.path.realpath(path))
    return allowed


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
    target = rng.choice(["counts", "services", "strata", "demographics", "framework", "dataset", "seed", "records", "records"])
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
        skip = ["--on-error", "skip"] if rng.random() < 0.6 else []
        args = rng.choice([
            ["aggregate", "--records", path, "--by", "service,ethnicity"] + (skip or ["--format", "json"]),
            ["aggregate", "--records", path, "--counts-for", "disproportionality", "--population", "population.csv"] + skip,
            ["disproportionality", "--records", path, "--service", "all", "--population", "population.csv"] + skip,
        ])
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
            handle.write(f"s{i % 3},{['White', 'Black', 'Asian'][i % 7 % 3]},{['arrest', 'court'][i % 2]}\n")
    with open(os.path.join(scratch, "population.csv"), "w") as handle:
        handle.write("service,group,population\n")
        for service in ["s0", "s1", "s2"]:
            for group in ["White", "Black", "Asian"]:
                handle.write(f"{service},{group},500\n")


def records_loss(scratch, args, result):
    """For `aggregate --by ... --on-error skip` (text output): every row is accounted for, and
    in a file without quotes, where a row is a line, rows read = the non-blank lines after the
    header (skipping resynchronises at the next line, so no good row is swallowed)."""
    if args[:2] != ["aggregate", "--records"] or "--by" not in args or "skip" not in args or result.returncode != 0:
        return None
    text = result.stdout.decode("utf-8", "replace")
    match = re.search(r"(\d+) rows read; (\d+) counted in \d+ groups; (\d+) skipped as malformed", text)
    if not match:
        return "silent loss (no row account)"
    read, counted, skipped = map(int, match.groups())
    if read != counted + skipped:
        return f"silent loss ({read} read != {counted} counted + {skipped} skipped)"
    with open(os.path.join(scratch, "records.csv"), "rb") as handle:
        data = handle.read()
    if b'"' not in data:
        lines = [line for line in re.split(rb"\r\n|\n|\r", data) if line][1:]
        if read != len(lines):
            return f"silent loss ({read} rows read of {len(lines)} lines)"
    return None


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
    parser.add_argument("--keep", action="store_true",
                        help="keep each failing case's scratch folder (with case.txt) and print its path")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz.py: no executable at {binary} (build it first: swift build -c release)")
    seeds = sorted(os.path.join(SEEDS, f) for f in os.listdir(SEEDS)) if os.path.isdir(SEEDS) else []
    rng = random.Random(options.seed)
    tally = {"cases": 0, "crashes": 0, "hangs": 0, "overwrites": 0, "silent losses": 0, "unlocated": 0}
    failures = []
    started = time.time()
    kept = []
    for case in range(options.cases):
        scratch = tempfile.mkdtemp(prefix="yjstat-fuzz-")
        failures_before = len(failures)
        args, result = [], None
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
            inputs_before = input_inodes(scratch, [a for i, a in enumerate(args)
                                                   if not (i > 0 and args[i - 1] in ("--output", "--svg", "--out"))])
            allowed = allowed_outputs(scratch, args, outputs, inputs_before)
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
            changed = [p for p in set(before) | set(after) if before.get(p) != after.get(p)
                       and p not in allowed and not os.path.basename(p).startswith(".")
                       and not (before.get(p, ("",))[0] == "file" and ("inode", before[p][2]) in allowed)]
            leftovers = [p for p in after if ".tmp-" in os.path.basename(p)]
            # A FIFO or device replaced by anything else (a link is judged by the rules above).
            replaced = [p for p in before if before[p][0] == "special" and after.get(p, ("gone",))[0] != "special"]
            if changed or leftovers or replaced:
                tally["overwrites"] += 1; problem = problem or f"overwrite {sorted(changed + leftovers + replaced)}"
            loss = records_loss(scratch, args, result)
            if loss:
                tally["silent losses"] += 1; problem = problem or loss
            if result.returncode == 0 and kind == "dupline-read":
                # A duplicated data line in a one-row-per-key file must not pass silently.
                tally["silent losses"] += 1; problem = problem or "silent loss (duplicate accepted)"
            if problem:
                failures.append((problem, kind, args, stderr[-300:]))
        finally:
            if options.keep and len(failures) > failures_before:
                with open(os.path.join(scratch, "case.txt"), "w") as handle:
                    handle.write(f"case {case} of seed {options.seed}: {failures[-1][0]} [{failures[-1][1]}]\n")
                    handle.write("cd " + scratch + " && " + binary + " " + " ".join(quote(a) for a in args) + "\n")
                    if result is not None:
                        handle.write(f"exit {result.returncode}\n--- stderr\n" + result.stderr.decode("utf-8", "replace"))
                kept.append(scratch)
            else:
                shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.time() - started
    print(f"fuzz.py: seed {options.seed}, {options.cases} cases in {elapsed:.0f} s: "
          f"{tally['crashes']} crashes, {tally['hangs']} hangs, {tally['overwrites']} overwrites, "
          f"{tally['silent losses']} silent losses, {tally['unlocated']} unlocated or empty results")
    for problem, kind, args, stderr in failures[:20]:
        print(f"  {problem} [{kind}]: yjstat {' '.join(quote(a) for a in args)}\n    {stderr.strip()[:300]}")
    for folder in kept:
        print(f"  kept {folder}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
