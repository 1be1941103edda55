#!/usr/bin/env bash
# Runs every test: the parser drift check, then every test project of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
bash grammars/check-drift.sh
dotnet build LogMetrics.sln -c Release -nologo -v q
log=$(mktemp)
set +e
dotnet test LogMetrics.sln -c Release --no-build -nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One closing line over all test projects.
python3 - "$log" <<'PY'
import re, sys
p = f = s = 0
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+)", line)
    if m:
        f += int(m.group(1)); p += int(m.group(2)); s += int(m.group(3))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit "$rc"
