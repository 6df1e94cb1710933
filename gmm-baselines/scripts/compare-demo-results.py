#!/usr/bin/env python3
"""Compares two `gmm demo` results.json files number for number, timings and timestamps aside.

Usage: compare-demo-results.py A/results.json B/results.json
Exit 0 and "identical" when every value matches exactly (floats bit for bit, as JSON writes
them); otherwise one line per difference and exit 1.

What is a timing or a timestamp here, and only that, is masked before comparing (the app writes
them into results.json beside the results; see gmm-baselines/README.md):
  - the "generated <date>" line of "meta";
  - every key named "seconds" or ending in "millis";
  - in tables, every column whose header is "millis" or ends in "_millis";
  - in findings, the phrase "mean time <number> ms".
"""
import json
import re
import sys

MEAN_TIME = re.compile(r"mean time [0-9.]+ ms")


def is_timing_key(key):
    return key == "seconds" or key.endswith("millis")


def mask(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if is_timing_key(key):
                out[key] = "<timing>"
            elif key == "meta":
                out[key] = ["<timestamp>" if isinstance(m, str) and m.startswith("generated ") else m for m in value]
            elif key == "tables":
                out[key] = [mask_table(t) for t in value]
            else:
                out[key] = mask(value)
        return out
    if isinstance(node, list):
        return [mask(v) for v in node]
    if isinstance(node, str):
        return MEAN_TIME.sub("mean time <timing> ms", node)
    return node


def mask_table(table):
    columns = table.get("columns", [])
    timing = {i for i, c in enumerate(columns) if is_timing_key(str(c))}
    masked = dict(mask({k: v for k, v in table.items() if k != "rows"}))
    masked["rows"] = [["<timing>" if i in timing else mask(v) for i, v in enumerate(row)] for row in table.get("rows", [])]
    return masked


def differences(a, b, path=""):
    if type(a) is not type(b):
        yield f"{path}: {a!r} vs {b!r}"
    elif isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield f"{path}/{key}: only in {'second' if key not in a else 'first'}"
            else:
                yield from differences(a[key], b[key], f"{path}/{key}")
    elif isinstance(a, list):
        if len(a) != len(b):
            yield f"{path}: {len(a)} vs {len(b)} entries"
        else:
            for i, (x, y) in enumerate(zip(a, b)):
                yield from differences(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: {a!r} vs {b!r}"


def main(argv):
    if len(argv) != 3:
        print("usage: compare-demo-results.py A/results.json B/results.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as fa, open(argv[2], encoding="utf-8") as fb:
        found = list(differences(mask(json.load(fa)), mask(json.load(fb))))
    for line in found:
        print(line)
    print("identical (timings and timestamps aside)" if not found else f"{len(found)} differences")
    return 0 if not found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
