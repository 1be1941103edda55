#!/usr/bin/env bash
# Sidecar footprint: LogMetrics as the container runs it vs mtail, measured back to back. See bench/README.md.
#
#   bench/footprint.sh [SERIES]    idle RSS, RSS with SERIES series (default 100000), startup to first scrape
#
# LogMetrics is published with examples/Dockerfile's own `dotnet publish` line (read from it: NativeAOT) and started
# the way its ENTRYPOINT and CMD start it (`logmetrics run ... --state-dir DIR`), with the environment the Dockerfile
# sets. FOOTPRINT_BUILD=DIR measures DIR instead (logmetrics.dll, or a native `logmetrics` executable);
# FOOTPRINT_REPEAT=N keeps the lowest RSS of N runs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
out=$here/out/footprint
data=$here/data
examples=/usr/share/doc/mtail/examples
series=${1:-100000}
repeat=${FOOTPRINT_REPEAT:-1}

die() { echo "footprint.sh: $*" >&2; exit 1; }
[[ "$series" =~ ^[0-9]+$ ]] || die "SERIES must be a number"
for tool in mtail python3 dotnet; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
mkdir -p "$out" "$data"

# --- data: 1000 access lines for the idle case, SERIES lines of one unique id each --------------------
access=$data/access-1000.log
[[ -s "$access" ]] || python3 "$here/gen_access_log.py" 1000 42 > "$access"
ids=$data/ids-$series.log
[[ -s "$ids" ]] || seq -f 'id %.0f' 1 "$series" > "$ids"

# --- build -------------------------------------------------------------------------------------------
if [[ -n "${FOOTPRINT_BUILD:-}" ]]; then
  build=$FOOTPRINT_BUILD
  kind="given build $build"
else
  build=$out/logmetrics
  rm -rf "$build"
  mapfile -t publish_args < <(python3 "$here/dockerfile_publish.py" "$repo/examples/Dockerfile")
  echo "publishing logmetrics with examples/Dockerfile's line, to $build: dotnet publish ${publish_args[*]}" >&2
  (cd "$repo" && dotnet publish "${publish_args[@]}" -o "$build") >"$out/publish.log" 2>&1 \
    || die "dotnet publish failed: see $out/publish.log"
  kind="dotnet publish ${publish_args[*]} (examples/Dockerfile's line)"
fi
if [[ -f "$build/logmetrics.dll" ]]; then
  lm=(dotnet "$build/logmetrics.dll")
elif [[ -x "$build/logmetrics" ]]; then
  lm=("$build/logmetrics")
  kind="$kind, native executable"
else
  die "$build has neither logmetrics.dll nor a logmetrics executable"
fi

# The ENV lines of examples/Dockerfile, so the measured process runs with the settings the image ships.
while read -r assignment; do
  export "${assignment?}"
done < <(sed -n 's/^ENV \([A-Za-z_][A-Za-z0-9_]*=[^ ]*\)$/\1/p' "$repo/examples/Dockerfile")

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# measure NAME TOOL LINES METRIC PROGRAM: the lowest-RSS of FOOTPRINT_REPEAT runs, one JSON line in $raw.
raw=$out/raw.jsonl
: > "$raw"
measure() {
  local name=$1 tool=$2 lines=$3 metric=$4 program=$5 best="" i r port log ready
  for ((i = 1; i <= repeat; i++)); do
    port=$(free_port)
    log=$out/$name.$tool.log
    local cmd
    if [[ $tool == mtail ]]; then
      cmd=(mtail --progs "$program" --logs "$log" --address 127.0.0.1 --port "$port" --logtostderr)
      ready=()
    else
      ready=(--ready-url "http://127.0.0.1:$port/-/ready")
      # --state-dir as in the Dockerfile's CMD (mtail keeps no positions).
      rm -rf "$out/state" && mkdir -p "$out/state"
      cmd=("${lm[@]}" run --progs "$program" --logs "$log" --listen "127.0.0.1:$port" --max-series-per-metric 0 --state-dir "$out/state")
    fi
    r=$(python3 "$here/footprint.py" --url "http://127.0.0.1:$port/metrics" "${ready[@]}" --log "$log" --lines "$lines" \
          --count-metric "$metric" -- "${cmd[@]}") || die "$name/$tool failed"
    rm -f "$log"
    if [[ -z "$best" ]] || (( $(field rss_kb "$r") < $(field rss_kb "$best") )); then best=$r; fi
  done
  echo "{\"case\":\"$name\",\"tool\":\"$tool\",\"result\":$best}" >> "$raw"
  echo "  $name/$tool: $(( $(field rss_kb "$best") / 1024 )) MB RSS, $(field threads "$best") threads, first scrape $(field startup_s "$best") s" >&2
}
field() { python3 -c 'import json,sys;print(json.loads(sys.argv[2])[sys.argv[1]])' "$1" "$2"; }

for tool in mtail logmetrics; do
  echo "idle: apache_combined.mtail after 1000 lines ($tool)" >&2
  measure idle "$tool" "$access" apache_http_requests_total "$examples/apache_combined.mtail"
  echo "series: $series series ($tool)" >&2
  measure series "$tool" "$ids" lines_total "$here/programs/unique_ids.mtail"
done

machine="$(nproc) CPUs, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
versions="mtail $(mtail --version 2>&1 | head -1 | awk '{print $3}'), .NET $(dotnet --list-runtimes | awk '/NETCore.App/{v=$2} END{print v}'), LogMetrics $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet 2>/dev/null || echo '+dirty')"
python3 - "$raw" "$series" "$kind" "$machine" "$versions" <<'PY' | tee "$out/results.md"
import json, sys
raw, series, kind, machine, versions = sys.argv[1:]
rows = {(r["case"], r["tool"]): r["result"] for r in map(json.loads, open(raw))}
mb = lambda kb: f"{kb / 1024:.0f}"
print(f"Build: {kind} | {machine} | {versions}\n")
print("| Measurement | LogMetrics | mtail |")
print("|---|---:|---:|")
def row(label, f):
    print(f"| {label} | {f(rows[('idle' if 'idle' in label or 'startup' in label else 'series', 'logmetrics')])} | "
          f"{f(rows[('idle' if 'idle' in label or 'startup' in label else 'series', 'mtail')])} |")
row("idle RSS (MB), apache_combined after 1000 lines", lambda r: mb(r["rss_kb"]))
row("... idle: anonymous / file-backed / memfd (MB)", lambda r: f'{mb(r["anonymous_kb"])} / {mb(r["file_kb"])} / {mb(r["shared_memfd_kb"])}')
row("... idle: threads", lambda r: r["threads"])
row(f"RSS with {int(series):,} series (MB), after a scrape", lambda r: mb(r["rss_kb"]))
row(f"... peak RSS while taking them in (MB)", lambda r: mb(r["peak_rss_kb"]))
row("startup: spawn -> first scrape answered (s)", lambda r: r["startup_s"])
row("startup: spawn -> ready, programs loaded and logs followed (s)", lambda r: r.get("ready_s", r["startup_s"]))
PY
echo "written: $out/results.md" >&2
