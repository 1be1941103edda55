#!/usr/bin/env bash
# Records the installed mtail's verdict on every program in programs/ into verdicts.tsv:
#   FILE <tab> accept|reject <tab> mtail's first diagnostic line (for a reject)
# Usage: bash record-verdicts.sh   (needs /usr/bin/mtail: apt-get install -y mtail)
set -euo pipefail
cd "$(dirname "$0")"
mtail=${MTAIL:-mtail}
version=$("$mtail" --version 2>&1 | head -1)
out=verdicts.tsv
{
  printf '# %s --compile_only --progs FILE; %s\n' "$mtail" "$version"
  for program in programs/*.mtail; do
    file=$(basename "$program")
    set +e
    # --port 0: rc50 opens its HTTP listener even with --compile_only.
    log=$(timeout 60 "$mtail" --compile_only --progs "$program" --logtostderr --address 127.0.0.1 --port 0 2>&1)
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then
      printf '%s\taccept\t\n' "$file"
    else
      # The first line after "compile failed for FILE:" names the first error; glog lines are dropped.
      first=$(printf '%s\n' "$log" | grep -v '^[IWEF][0-9]\{4\} ' | grep -m1 . | cut -c1-300 | tr '\t' ' ' || true)
      printf '%s\treject\t%s\n' "$file" "${first:-exit $rc}"
    fi
  done
} > "$out"
echo "wrote $(grep -vc '^#' "$out") verdicts to $(pwd)/$out"
