#!/usr/bin/env python3
"""Re-runs the console examples in README.md and docs/*.md and writes their real output.

A console example is a fenced block opened with ```console whose lines starting with "$ yjstat"
are commands; everything after a command up to the next command or the end of the block is its
output, which this script replaces with what the release binary prints now. Commands run from the
repository root with ../shared beside it, as in CI.

    swift build -c release && python3 Scripts/update-readme-examples.py [--check]

With --check nothing is written; the exit status is 1 when any example's output has changed,
so the README cannot drift from what the code does. A block is left as it is when it also runs
other programs (`$ head …`) or reads an input file that is not in the repository (one made by an
earlier example, such as `records.csv` from `yjstat synth`): its context cannot be rebuilt here.
"""
import glob
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "yjstat")


def run(command, exe):
    words = shlex.split(command)
    pipe = None
    if "|" in words:
        i = words.index("|")
        words, pipe = words[:i], " ".join(words[i + 1:])
    result = subprocess.run([exe] + words[1:], cwd=ROOT, capture_output=True, text=True)
    out = result.stdout.replace("\r\n", "\n") + result.stderr
    if pipe:
        out = subprocess.run(pipe, shell=True, input=out, capture_output=True, text=True, cwd=ROOT).stdout
    return out.rstrip("\n").split("\n") if out.strip() else []


OUTPUT_FLAGS = {"--out", "--output", "--svg"}


def reproducible(block):
    """Whether every command in the block is yjstat and every input file it names exists."""
    for line in block:
        if not line.startswith("$ "):
            continue
        if not line.startswith("$ yjstat"):
            return False
        words = shlex.split(line[2:])
        for previous, word in zip([""] + words, words):
            if previous in OUTPUT_FLAGS or word.startswith("-"):
                continue
            if os.path.splitext(word)[1] in (".csv", ".txt", ".json") and not os.path.exists(os.path.join(ROOT, word)):
                return False
    return True


def update(path, exe):
    lines = open(path).read().split("\n")
    out, i, changed = [], 0, False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.strip() != "```console":
            continue
        block = []
        while i < len(lines) and lines[i].strip() != "```":
            block.append(lines[i])
            i += 1
        if not reproducible(block):
            out.extend(block)
            continue
        new_block, j = [], 0
        while j < len(block):
            if block[j].startswith("$ yjstat"):
                new_block.append(block[j])
                new_block.extend(run(block[j][2:], exe))
                j += 1
                while j < len(block) and not block[j].startswith("$ "):
                    j += 1
            else:
                new_block.append(block[j])
                j += 1
        changed |= new_block != block
        out.extend(new_block)
    if changed and "--check" not in sys.argv:
        open(path, "w").write("\n".join(out))
    return changed


def main():
    unknown = [a for a in sys.argv[1:] if a not in ("--check", "--help", "-h")]
    if "--help" in sys.argv or "-h" in sys.argv or unknown:
        if unknown:
            print(f"unknown argument(s): {' '.join(unknown)}", file=sys.stderr)
        print(__doc__.strip(), file=sys.stderr if unknown else sys.stdout)
        sys.exit(2 if unknown else 0)
    exe = binary()
    files = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    stale = [os.path.relpath(f, ROOT) for f in files if update(f, exe)]
    verb = "out of date" if "--check" in sys.argv else "updated"
    print(f"{verb}: {', '.join(stale)}" if stale else "all console examples are current")
    sys.exit(1 if stale and "--check" in sys.argv else 0)


if __name__ == "__main__":
    main()
