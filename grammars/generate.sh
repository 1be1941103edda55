#!/usr/bin/env bash
# Regenerates the parser from Rules.g4 into src/LogMetrics.Language/Syntax/Generated (or into $1).
# The output is deterministic: no timestamps or absolute paths, and every generated type is made internal.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../src/LogMetrics.Language/Syntax/Generated}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$here/Rules.g4" "$tmp/"
# antlr-ng prints its diagnostics on stdout and exits 0 even on errors (leaving a partial parser behind), so
# its output is read: any diagnostic fails the script, and nothing is written.
report="$(cd "$tmp" && npx --yes antlr-ng@1.0.10 -Dlanguage=CSharp -o gen --package LogMetrics.Language.Syntax.Generated \
  --generate-listener false --generate-visitor true Rules.g4 2>&1)" || { echo "$report" >&2; exit 1; }
if grep -qiE '^(error|warning)\([0-9]+\)' <<<"$report"; then
  echo "$report" >&2
  echo "antlr-ng reported the diagnostics above: the parser was not regenerated" >&2
  exit 1
fi
mkdir -p "$out"
rm -f "$out"/*.cs
for f in "$tmp"/gen/*.cs; do
  # Types generated as public become internal: nothing outside Syntax/ may see ANTLR types.
  { echo '#pragma warning disable'; sed -e 's/^public partial class /internal partial class /' \
      -e 's/^public interface /internal interface /' \
      -e '/^\[System.CLSCompliant(false)\]$/d' "$f"; } > "$out/$(basename "$f")"
done
