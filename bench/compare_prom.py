#!/usr/bin/env python3
"""Compare two Prometheus text expositions as a Prometheus server would see them.

usage: compare_prom.py EXPECTED ACTUAL [--ignore-help]

Series are (name, sorted labels); values must agree within a relative 1e-9
(+Inf, -Inf and NaN only equal themselves). TYPE, and HELP unless
--ignore-help, must agree for families both files expose. Prints one line per
difference (at most 20, then a count) and exits 1 when there is any, else
prints the series count and exits 0.
"""
import math
import sys


def parse_value(text):
    if text in ("+Inf", "Inf"):
        return math.inf
    if text == "-Inf":
        return -math.inf
    if text == "NaN":
        return math.nan
    return float(text)


def parse_labels(text, i):
    """Parse `{a="x",b="y"}` starting after the `{`; returns (sorted tuple, index after `}`)."""
    labels = []
    while True:
        while text[i] == " ":
            i += 1
        if text[i] == "}":
            return tuple(sorted(labels)), i + 1
        eq = text.index("=", i)
        name = text[i:eq].strip()
        if text[eq + 1] != '"':
            raise ValueError("label value must be quoted")
        i = eq + 2
        value = []
        while text[i] != '"':
            if text[i] == "\\":
                i += 1
                value.append({"n": "\n", "\\": "\\", '"': '"'}[text[i]])
            else:
                value.append(text[i])
            i += 1
        labels.append((name, "".join(value)))
        i += 1
        while text[i] == " ":
            i += 1
        if text[i] == ",":
            i += 1


def parse(path):
    samples, types, helps = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("# HELP "):
                name, _, text = line[7:].partition(" ")
                helps[name] = text
                continue
            if line.startswith("# TYPE "):
                name, _, text = line[7:].partition(" ")
                types[name] = text
                continue
            if line.startswith("#"):
                continue
            i = 0
            while i < len(line) and line[i] not in "{ ":
                i += 1
            name = line[:i]
            labels = ()
            if i < len(line) and line[i] == "{":
                labels, i = parse_labels(line, i + 1)
            fields = line[i:].split()
            key = (name, labels)
            if key in samples:
                raise ValueError(f"{path}:{number}: series repeated: {line}")
            samples[key] = parse_value(fields[0])
    return samples, types, helps


def equal(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def show(key):
    name, labels = key
    return name + "{" + ",".join(f'{k}="{v}"' for k, v in labels) + "}"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    ignore_help = "--ignore-help" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    (es, et, eh), (as_, at, ah) = parse(args[0]), parse(args[1])
    diffs = []
    for fam in sorted(set(et) & set(at)):
        if et[fam] != at[fam]:
            diffs.append(f"TYPE of {fam}: {et[fam]} vs {at[fam]}")
    if not ignore_help:
        for fam in sorted(set(eh) & set(ah)):
            if eh[fam] != ah[fam]:
                diffs.append(f"HELP of {fam}: {eh[fam]!r} vs {ah[fam]!r}")
    for key in sorted(set(es) - set(as_)):
        diffs.append(f"missing: {show(key)} {es[key]}")
    for key in sorted(set(as_) - set(es)):
        diffs.append(f"extra: {show(key)} {as_[key]}")
    for key in sorted(set(es) & set(as_)):
        if not equal(es[key], as_[key]):
            diffs.append(f"value of {show(key)}: {es[key]!r} vs {as_[key]!r}")
    for d in diffs[:20]:
        print(d)
    if len(diffs) > 20:
        print(f"... {len(diffs) - 20} more")
    if diffs:
        return 1
    print(f"equal: {len(es)} series")
    return 0


if __name__ == "__main__":
    sys.exit(main())
