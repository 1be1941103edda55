#!/usr/bin/env python3
"""Extracts the mtail programs of google/mtail's compiler test tables and fuzz seeds into programs/.

Usage: extract.py MTAIL_CHECKOUT
MTAIL_CHECKOUT is a checkout of https://github.com/google/mtail (or a bare git directory: the files are then
read at HEAD with `git show`). Only the programs are written, one file each; none of mtail's Go code is kept.
Run record-verdicts.sh afterwards to record what the installed mtail says about each one.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "programs")

# (source file, table variable, case-name prefix)
TABLES = [
    ("internal/runtime/compiler/parser/parser_test.go", "parserTests", "parser"),
    ("internal/runtime/compiler/parser/parser_test.go", "parserInvalidPrograms", "parser-invalid"),
    ("internal/runtime/compiler/parser/parser_test.go", "parsePositionTests", "parser-position"),
    ("internal/runtime/compiler/checker/checker_test.go", "checkerInvalidPrograms", "checker-invalid"),
    ("internal/runtime/compiler/checker/checker_test.go", "checkerValidPrograms", "checker-valid"),
    ("internal/runtime/compiler/codegen/codegen_test.go", "testCodeGenPrograms", "codegen"),
]

FUZZ_DIRS = [
    ("internal/runtime/fuzz", "fuzz-runtime"),
    ("internal/runtime/compiler/fuzz", "fuzz-compiler"),
]


class Source:
    """Reads files from a work tree, or from HEAD of a bare git directory."""

    def __init__(self, root):
        self.root = root
        self.bare = not os.path.isdir(os.path.join(root, "internal"))

    def read(self, path):
        if not self.bare:
            with open(os.path.join(self.root, path), "rb") as f:
                return f.read()
        return subprocess.run(["git", "--git-dir", self.root, "show", "HEAD:" + path],
                              check=True, capture_output=True).stdout

    def list(self, directory):
        if not self.bare:
            return sorted(os.listdir(os.path.join(self.root, directory)))
        out = subprocess.run(["git", "--git-dir", self.root, "ls-tree", "--name-only", "HEAD", directory + "/"],
                             check=True, capture_output=True, text=True).stdout
        return sorted(os.path.basename(line) for line in out.splitlines())

    def commit(self):
        git = ["git", "--git-dir", self.root] if self.bare else ["git", "-C", self.root]
        return subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()


def go_string(literal):
    """The value of one Go string literal ("..." or `...`)."""
    if literal[0] == "`":
        return literal[1:-1].replace("\r", "")
    body = literal[1:-1]
    out = []
    i = 0
    simple = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"'}
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in simple:
            out.append(simple[e])
            i += 2
        elif e == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif e == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == "U":
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        elif e in "01234567":
            out.append(chr(int(body[i + 1:i + 4], 8)))
            i += 4
        else:
            raise ValueError("bad escape in " + literal)
    return "".join(out)


TOKEN = re.compile(r'\w+|"(?:[^"\\\n]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/|\s+|.', re.S)


def tokens(text, start):
    for m in TOKEN.finditer(text, start):
        t = m.group(0)
        if t.isspace() or t.startswith("//") or t.startswith("/*"):
            continue
        yield m.start(), t


def expand_repeats(text):
    """strings.Repeat("c", 1025) becomes the raw string literal it evaluates to."""
    def repeat(m):
        value = go_string(m.group(1)) * int(m.group(2))
        if "`" in value:
            raise ValueError("cannot expand " + m.group(0))
        return "`" + value + "`"
    return re.sub(r'strings\.Repeat\(("(?:[^"\\\n]|\\.)*"), (\d+)\)', repeat, text)


def table_cases(text, variable):
    """(name, program) for each element of `var variable = []T{ {...}, ... }` whose first two fields are strings."""
    text = expand_repeats(text)
    m = re.search(r"^var " + re.escape(variable) + r" = ", text, re.M)
    if m is None:
        raise ValueError("no table " + variable)
    toks = tokens(text, m.end())
    # Skip the type: `[]struct {...}` or `[]name`, up to the `{` that opens the composite literal.
    depth = 0
    for _, t in toks:
        if t == "struct":
            # the struct's field list
            for _, u in toks:
                if u == "{":
                    depth += 1
                elif u == "}":
                    depth -= 1
                    if depth == 0:
                        break
            continue
        if t == "{":
            break
    cases = []
    depth = 0
    fields = []
    current = []
    for _, t in toks:
        if t in "{[(":
            depth += 1
            if depth == 1:
                fields, current = [], []
                continue
        elif t in "}])":
            depth -= 1
            if depth < 0:
                break
            if depth == 0:
                fields.append(current)
                strings = [f for f in fields if f and all(x == "+" or x[0] in '"`' for x in f)]
                if len(strings) >= 2:
                    name = "".join(go_string(x) for x in strings[0] if x != "+")
                    program = "".join(go_string(x) for x in strings[1] if x != "+")
                    cases.append((name, program))
                continue
        if depth == 1 and t == ",":
            fields.append(current)
            current = []
        elif depth == 1:
            current.append(t)
        elif depth > 1:
            current.append("<nested>")
    return cases


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "unnamed"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = Source(sys.argv[1])
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    written = 0
    for path, variable, prefix in TABLES:
        text = source.read(path).decode("utf-8")
        for index, (name, program) in enumerate(table_cases(text, variable), start=1):
            file = "%s-%03d-%s.mtail" % (prefix, index, slug(name))
            with open(os.path.join(OUT, file), "w", encoding="utf-8", newline="") as f:
                f.write(program)
            written += 1
    for directory, prefix in FUZZ_DIRS:
        for name in source.list(directory):
            if not name.endswith(".mtail"):
                continue
            data = source.read(directory + "/" + name)
            with open(os.path.join(OUT, "%s-%s" % (prefix, name)), "wb") as f:
                f.write(data)
            written += 1
    with open(os.path.join(HERE, "SOURCE"), "w") as f:
        f.write("https://github.com/google/mtail %s\n" % source.commit())
    print("wrote %d programs to %s" % (written, OUT))


if __name__ == "__main__":
    main()
