#!/usr/bin/env bash
# Audits the built-in grok library against logstash-patterns-core's legacy patterns: text, then meaning (every legacy
# name, with and without a capture, over every vector input and probes.txt, on Onigmo and on LogMetrics).
# usage: bash tools/grok-audit/run.sh PATH/TO/logstash-patterns-core/patterns/legacy   (needs ruby and dotnet)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
legacy=${1:?usage: run.sh LEGACY_PATTERNS_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ruby "$here/prepare.rb" "$legacy" "$root/src/LogMetrics.Language/Patterns/grok-patterns.txt" \
  "$root/tests/data/conformance/grok" "$here/probes.txt" "$work"
ruby "$here/oracle.rb" "$legacy" "$work/patterns.json" "$work/inputs.json" > "$work/oracle.jsonl"
dotnet run "$here/Audit.cs" "$work/patterns.json" "$work/inputs.json" "$work/oracle.jsonl"
