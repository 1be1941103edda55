#!/usr/bin/env bash
# Exits 1 when the checked-in parser differs from what Rules.g4 generates.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$here/generate.sh" "$tmp"
if ! diff -r "$tmp" "$here/../src/LogMetrics.Language/Syntax/Generated"; then
  echo "Generated parser is out of date: run grammars/generate.sh" >&2
  exit 1
fi
