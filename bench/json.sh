#!/usr/bin/env bash
# JSON fields vs regex: LogMetrics one-shot on the same LINES access lines, once as Apache combined text with
# mtail's apache_combined.mtail (a regex) and once as nginx escape=json lines with bench/programs/json_access.rules
# (3 fields read). Target: the JSON case at >= 50% of the regex case's lines/s. See bench/README.md.
#
#   bench/json.sh [LINES]   (default 1000000; BENCH_REPEAT=N keeps the fastest of N runs, default 3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
shared=${LOGMETRICS_SHARED:-$(cd "$repo/.." && pwd)/shared}
out=$here/out/json
data=$here/data
lines=${1:-1000000}
repeat=${BENCH_REPEAT:-3}
die() { echo "json.sh: $*" >&2; exit 1; }
[[ "$lines" =~ ^[0-9]+$ ]] || die "LINES must be a number"
[[ -f "$shared/bench/gen_access_log.py" ]] || die "no $shared/bench/gen_access_log.py (set LOGMETRICS_SHARED)"
[[ -f /usr/share/doc/mtail/examples/apache_combined.mtail ]] || die "mtail's examples are missing (apt-get install mtail)"
/usr/bin/time -f "%e" true >/dev/null 2>&1 || die "GNU time is missing: apt-get install -y time"

mkdir -p "$out" "$data"
access=$data/access-$lines.log
if [[ ! -s "$access" ]]; then
  python3 "$shared/bench/gen_access_log.py" "$lines" 42 > "$access.tmp" && mv "$access.tmp" "$access"
fi
json=$data/access-$lines.json.log
if [[ ! -s "$json" ]]; then
  python3 "$here/to_json_access_log.py" < "$access" > "$json.tmp" && mv "$json.tmp" "$json"
fi
[[ $(wc -l < "$json") -eq $(wc -l < "$access") ]] || die "the JSON log has fewer lines than the access log"

lm_dir=$out/logmetrics
dotnet publish "$repo/src/LogMetrics.Cli" -c Release -o "$lm_dir" -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true >"$out/publish.log" 2>&1 || die "dotnet publish failed: see $out/publish.log"

best() {  # NAME PROGRAM LOG -> "wall cpu" of the fastest of $repeat runs
  local name=$1 prog=$2 log=$3 wall user sys fastest="" cpu=""
  for ((i = 0; i < repeat; i++)); do
    cat "$log" > /dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" dotnet "$lm_dir/logmetrics.dll" run --one-shot \
      --progs "$prog" --logs "$log" > "$out/$name.prom" 2> "$out/$name.err" || die "$name failed: see $out/$name.err"
    read -r wall user sys _ < "$out/$name.time"
    if [[ -z "$fastest" ]] || awk "BEGIN{exit !($wall < $fastest)}"; then fastest=$wall; cpu=$(awk "BEGIN{print $user + $sys}"); fi
  done
  echo "$fastest $cpu"
}

read -r regex regex_cpu <<< "$(best regex /usr/share/doc/mtail/examples/apache_combined.mtail "$access")"
read -r structured json_cpu <<< "$(best json "$here/programs/json_access.rules" "$json")"
grep -q 'http_requests_total{' "$out/json.prom" || die "the JSON case produced no series: see $out/json.prom"
awk -v n="$lines" -v r="$regex" -v j="$structured" -v rc="$regex_cpu" -v jc="$json_cpu" -v a="$(stat -c %s "$access")" -v b="$(stat -c %s "$json")" 'BEGIN {
  printf "| case | lines | MB | wall s | CPU s | lines/s |\n|---|---:|---:|---:|---:|---:|\n"
  printf "| regex: apache_combined.mtail on combined text | %d | %.0f | %.2f | %.2f | %.0f |\n", n, a / 1048576, r, rc, n / r
  printf "| json: json_access.rules (3 fields) on escape=json lines | %d | %.0f | %.2f | %.2f | %.0f |\n", n, b / 1048576, j, jc, n / j
  printf "\njson / regex lines/s: %.0f%% (target >= 50%%)\n", 100 * r / j
}' | tee "$out/results.md"
