#!/usr/bin/env python3
"""Print the arguments of examples/Dockerfile's `dotnet publish` line, one per line, without its -o/--output.

usage: dockerfile_publish.py DOCKERFILE

bench/run.sh and bench/footprint.sh publish with them, so that they measure the build the image ships.
"""
import re
import shlex
import sys

text = open(sys.argv[1]).read().replace("\\\n", " ")
m = re.search(r"dotnet publish ([^&\n]*)", text)
if not m:
    sys.exit(f"{sys.argv[1]}: no `dotnet publish` line")
out = []
skip = False
for a in shlex.split(m.group(1)):
    if skip:
        skip = False
    elif a in ("-o", "--output"):
        skip = True
    elif not a.startswith("--output="):
        out.append(a)
print("\n".join(out))
