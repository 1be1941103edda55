#!/usr/bin/env bash
# LogMetrics vs mtail benchmark. See bench/README.md.
#
#   bench/run.sh [LINES]            end-to-end one-shot cases + the as-shipped rounds + daemon cases (default 1000000 lines)
#   bench/run.sh --shipped [LINES]  only the as-shipped rounds: apache_combined on `dotnet run` and on the published build
#   bench/run.sh --micro            BenchmarkDotNet micro benchmarks (short job)
#
# Environment: BENCH_REPEAT=N runs each one-shot measurement N times and keeps the fastest (default 1);
# BENCH_ROUNDS=N as-shipped rounds, each timing mtail and both builds back to back (default 3);
# BENCH_MTAIL_RENDER=1 also measures mtail's /metrics render with LINES series (slow: minutes);
# BENCH_SKIP_DAEMON=1 skips the daemon cases.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
out=$here/out
data=$here/data
examples=/usr/share/doc/mtail/examples

die() { echo "run.sh: $*" >&2; exit 1; }

if [[ "${1:-}" == "--micro" ]]; then
  mkdir -p "$out/micro"
  dotnet run -c Release --project "$here/LogMetrics.Benchmarks" -- \
    --filter '*' --job short --artifacts "$out/micro" "${@:2}"
  cat "$out"/micro/results/*-report-github.md > "$out/micro-results.md"
  echo "micro results: $out/micro-results.md"
  exit 0
fi

only_shipped=0
if [[ "${1:-}" == "--shipped" ]]; then
  only_shipped=1
  shift
fi
lines=${1:-1000000}
[[ "$lines" =~ ^[0-9]+$ ]] || die "LINES must be a number (or --micro)"
repeat=${BENCH_REPEAT:-1}

# --- tools -------------------------------------------------------------------------------------------
# GNU time gives wall, user, sys and peak RSS in one line; Debian ships it in the `time` package.
if ! /usr/bin/time -f "%e" true >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing GNU time (Debian package 'time')" >&2
    apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
  fi
  /usr/bin/time -f "%e" true >/dev/null 2>&1 || die "GNU time is missing: apt-get install -y time"
fi
for tool in mtail python3 curl dotnet; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done

mkdir -p "$out/runs" "$data"
raw=$out/raw.jsonl
: > "$raw"

# --- data --------------------------------------------------------------------------------------------
access=$data/access-$lines.log
if [[ ! -s "$access" ]]; then
  echo "generating $access" >&2
  python3 "$here/gen_access_log.py" "$lines" 42 > "$access.tmp" && mv "$access.tmp" "$access"
fi
ids=$data/ids-$lines.log
if [[ ! -s "$ids" ]]; then
  seq -f 'id %.0f' 1 "$lines" > "$ids.tmp" && mv "$ids.tmp" "$ids"
fi

# --- builds ------------------------------------------------------------------------------------------
# Two builds, as users get them: the published build made by the Dockerfile's own `dotnet publish` line (what its
# image runs; only the output directory differs), and `dotnet run -c Release` from the README, which builds into
# src/LogMetrics.Cli/bin/Release and checks that build on every start. build_info.py reads which kind each is (NativeAOT,
# ReadyToRun or IL).
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo '+dirty')
lm_dir=$out/logmetrics
mapfile -t publish_args < <(python3 "$here/dockerfile_publish.py" "$repo/examples/Dockerfile")
echo "publishing logmetrics to $lm_dir: dotnet publish ${publish_args[*]} (the Dockerfile's line)" >&2
rm -rf "$lm_dir"
(cd "$repo" && dotnet publish "${publish_args[@]}" -o "$lm_dir") >"$out/publish.log" 2>&1 \
  || die "dotnet publish failed: see $out/publish.log"
published_kind="dotnet publish ${publish_args[*]}"
if [[ -f "$lm_dir/logmetrics.dll" && ! -f "$lm_dir/libcoreclr.so" ]]; then
  lm=(dotnet "$lm_dir/logmetrics.dll")
else
  lm=("$lm_dir/logmetrics")
fi
published_info=$(python3 "$here/build_info.py" "$lm_dir" "$published_kind" "$commit")
echo "{\"case\":\"build\",\"build\":\"published\",\"info\":$published_info}" >> "$raw"

echo "building for dotnet run: dotnet build src/LogMetrics.Cli -c Release" >&2
dotnet build "$repo/src/LogMetrics.Cli" -c Release -nologo >"$out/build.log" 2>&1 || die "dotnet build failed: see $out/build.log"
run_dir=$(dotnet msbuild "$repo/src/LogMetrics.Cli" -getProperty:TargetDir -p:Configuration=Release)
run_info=$(python3 "$here/build_info.py" "$run_dir" "dotnet run --project src/LogMetrics.Cli -c Release" "$commit")
echo "{\"case\":\"build\",\"build\":\"run\",\"info\":$run_info}" >> "$raw"
dotnet_run=(dotnet run --project "$repo/src/LogMetrics.Cli" -c Release --)

# Every web-log example loaded together; only apache_combined matches the generator's combined format.
web=$out/web-progs
rm -rf "$web" && mkdir -p "$web"
cp "$examples"/{apache_combined,apache_common,apache_metrics,lighttpd}.mtail "$web/"

# --- one-shot cases ----------------------------------------------------------------------------------
# measure CASE TOOL CMD...: runs CMD (stdout = exposition) BENCH_REPEAT times and records the fastest run.
measure() {
  local case=$1 tool=$2; shift 2
  local best="" i
  for ((i = 1; i <= repeat; i++)); do
    local base=$out/runs/$case.$tool
    cat "$access" > /dev/null  # page cache warm for both tools
    if ! /usr/bin/time -f "%e %U %S %M" -o "$base.time.$i" "$@" >"$base.prom.$i" 2>"$base.err"; then
      echo "{\"case\":\"$case\",\"tool\":\"$tool\",\"failed\":true}" >> "$raw"
      echo "  $case/$tool FAILED (see $base.err)" >&2
      return 0
    fi
    local wall; wall=$(cut -d' ' -f1 < "$base.time.$i")
    if [[ -z "$best" ]] || awk "BEGIN{exit !($wall < $(cut -d' ' -f1 < "$base.time.$best"))}"; then best=$i; fi
  done
  mv "$out/runs/$case.$tool.prom.$best" "$out/runs/$case.$tool.prom"
  read -r wall user sys rss < "$out/runs/$case.$tool.time.$best"
  rm -f "$out/runs/$case.$tool".prom.[0-9]* "$out/runs/$case.$tool".time.[0-9]*
  echo "{\"case\":\"$case\",\"tool\":\"$tool\",\"wall\":$wall,\"user\":$user,\"sys\":$sys,\"rss_kb\":$rss}" >> "$raw"
  echo "  $case/$tool: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s CPU, $((rss / 1024)) MB" >&2
}

# compare_outputs JSON_KEYS NAME EXPECTED ACTUAL: one JSON line saying whether the two expositions are equal; when
# they are not, the difference is kept in runs/NAME.diff and told on stderr.
compare_outputs() {
  local keys=$1 name=$2 result verdict detail
  if result=$(python3 "$here/compare_prom.py" "$3" "$4" 2>&1); then
    verdict=equal detail=$result
  else
    verdict=different detail=$(head -3 <<<"$result")
    echo "$result" > "$out/runs/$name.diff"
    echo "  $name: outputs differ (see $out/runs/$name.diff)" >&2
  fi
  echo "{$keys,\"compare\":\"$verdict\",\"detail\":$(python3 -c 'import json,sys;print(json.dumps(sys.argv[1]))' "$detail")}" >> "$raw"
}

compare() { compare_outputs "\"case\":\"$1\"" "$1" "$out/runs/$1.mtail.prom" "$out/runs/$1.logmetrics.prom"; }

# mtail logs each runtime error (the ~10% of lines with a "-" size hit one in apache_combined); LogMetrics does
# not log them in one-shot, so mtail gets --vm_logs_runtime_errors=false to do the same work (saves it ~1 s sys).
mtail_one_shot=(mtail --one_shot --one_shot_format prometheus --logtostderr --vm_logs_runtime_errors=false --address 127.0.0.1 --port 0)
lm_one_shot=(run --one-shot --format prometheus)

run_case() {  # CASE PROGS [extra logmetrics args...]
  local case=$1 progs=$2; shift 2
  echo "case $case" >&2
  measure "$case" mtail "${mtail_one_shot[@]}" --progs "$progs" --logs "$access"
  measure "$case" logmetrics "${lm[@]}" "${lm_one_shot[@]}" --progs "$progs" --logs "$access" "$@"
  compare "$case"
}

# --- as shipped --------------------------------------------------------------------------------------
# apache_combined on both builds, mtail's program and ours (programs/apache_combined, grok), BENCH_ROUNDS rounds of
# mtail then each build, so every ratio compares runs a few seconds apart. `dotnet run ... -- --version` times the
# part of `dotnet run` that is not LogMetrics (the SDK's up-to-date check of the build before it starts the program).
once() {  # LABEL ROUND CMD...: one timed run, stdout to runs/LABEL.prom
  local label=$1 round=$2; shift 2
  local base=$out/runs/shipped.$label
  cat "$access" > /dev/null
  if ! /usr/bin/time -f "%e %U %S %M" -o "$base.time" "$@" >"$base.prom" 2>"$base.err"; then
    echo "{\"case\":\"shipped\",\"label\":\"$label\",\"round\":$round,\"failed\":true}" >> "$raw"
    echo "  shipped $label round $round FAILED (see $base.err)" >&2
    return 0
  fi
  read -r wall user sys rss < "$base.time"
  echo "{\"case\":\"shipped\",\"label\":\"$label\",\"round\":$round,\"wall\":$wall,\"user\":$user,\"sys\":$sys,\"rss_kb\":$rss,\"load\":$(cut -d' ' -f1 /proc/loadavg)}" >> "$raw"
  echo "  shipped $label round $round: ${wall}s wall, $(awk "BEGIN{print $user+$sys}")s CPU" >&2
}

shipped_compare() { compare_outputs "\"case\":\"shipped_compare\",\"label\":\"$1\"" "shipped.$1" "$2" "$3"; }  # LABEL EXPECTED ACTUAL

shipped() {
  local rounds=${BENCH_ROUNDS:-3} i
  local mtail_prog=$examples/apache_combined.mtail ours=$repo/programs/apache_combined
  echo "as shipped: $rounds rounds" >&2
  for ((i = 1; i <= rounds; i++)); do
    once mtail "$i" "${mtail_one_shot[@]}" --progs "$mtail_prog" --logs "$access"
    once run.mtail "$i" "${dotnet_run[@]}" "${lm_one_shot[@]}" --progs "$mtail_prog" --logs "$access"
    once published.mtail "$i" "${lm[@]}" "${lm_one_shot[@]}" --progs "$mtail_prog" --logs "$access"
    once run.ours "$i" "${dotnet_run[@]}" "${lm_one_shot[@]}" --progs "$ours" --logs "$access"
    once published.ours "$i" "${lm[@]}" "${lm_one_shot[@]}" --progs "$ours" --logs "$access"
    once run.start "$i" "${dotnet_run[@]}" --version
  done
  shipped_compare run.mtail "$out/runs/shipped.mtail.prom" "$out/runs/shipped.run.mtail.prom"
  shipped_compare published.mtail "$out/runs/shipped.mtail.prom" "$out/runs/shipped.published.mtail.prom"
  shipped_compare ours "$out/runs/shipped.published.ours.prom" "$out/runs/shipped.run.ours.prom"
}

if [[ $only_shipped == 0 ]]; then
  run_case apache_combined "$examples/apache_combined.mtail"
  run_case linecount "$examples/linecount.mtail"
  run_case high_cardinality "$here/programs/high_cardinality.mtail" --max-series-per-metric 0
  echo "case grok" >&2
  measure grok logmetrics "${lm[@]}" "${lm_one_shot[@]}" --progs "$here/programs/grok.rules" --logs "$access"
  run_case web_examples "$web"
fi
shipped

# --- daemon cases ------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

if [[ "${BENCH_SKIP_DAEMON:-0}" != 1 && $only_shipped == 0 ]]; then
  echo "daemon: line-to-/metrics latency" >&2
  port=$(free_port)
  if r=$(python3 "$here/daemon_latency.py" latency --log "$out/latency.log" --url "http://127.0.0.1:$port/metrics" --samples 100 -- \
        "${lm[@]}" run --progs "$here/programs/latency.mtail" --logs "$out/latency.log" --listen "127.0.0.1:$port"); then
    echo "{\"case\":\"latency\",\"tool\":\"logmetrics\",\"result\":$r}" >> "$raw"
  else
    echo "{\"case\":\"latency\",\"tool\":\"logmetrics\",\"failed\":true}" >> "$raw"
  fi
  port=$(free_port)
  if r=$(python3 "$here/daemon_latency.py" latency --log "$out/latency.log" --url "http://127.0.0.1:$port/metrics" --samples 100 -- \
        mtail --progs "$here/programs/latency.mtail" --logs "$out/latency.log" --address 127.0.0.1 --port "$port" --logtostderr); then
    echo "{\"case\":\"latency\",\"tool\":\"mtail\",\"result\":$r}" >> "$raw"
  else
    echo "{\"case\":\"latency\",\"tool\":\"mtail\",\"failed\":true}" >> "$raw"
  fi

  echo "daemon: /metrics render with $lines series" >&2
  port=$(free_port)
  if r=$(python3 "$here/daemon_latency.py" render --log "$out/render.log" --source "$ids" --url "http://127.0.0.1:$port/metrics" \
        --metric lines_total --value "$lines" --repeat 5 -- \
        "${lm[@]}" run --progs "$here/programs/unique_ids.mtail" --logs "$out/render.log" --listen "127.0.0.1:$port" --max-series-per-metric 0); then
    echo "{\"case\":\"render\",\"tool\":\"logmetrics\",\"result\":$r}" >> "$raw"
  else
    echo "{\"case\":\"render\",\"tool\":\"logmetrics\",\"failed\":true}" >> "$raw"
  fi
  if [[ "${BENCH_MTAIL_RENDER:-0}" == 1 ]]; then
    port=$(free_port)
    if r=$(python3 "$here/daemon_latency.py" render --log "$out/render.log" --source "$ids" --url "http://127.0.0.1:$port/metrics" \
          --metric lines_total --value "$lines" --repeat 3 -- \
          mtail --progs "$here/programs/unique_ids.mtail" --logs "$out/render.log" --address 127.0.0.1 --port "$port" --logtostderr); then
      echo "{\"case\":\"render\",\"tool\":\"mtail\",\"result\":$r}" >> "$raw"
    else
      echo "{\"case\":\"render\",\"tool\":\"mtail\",\"failed\":true}" >> "$raw"
    fi
  fi
  rm -f "$out/latency.log" "$out/render.log"
fi

# --- report ------------------------------------------------------------------------------------------
machine="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
versions="mtail $(mtail --version 2>&1 | head -1 | awk '{print $3}'), .NET $(dotnet --version), LogMetrics $commit"
python3 "$here/report.py" "$raw" "$lines" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$machine" "$versions" "bench/run.sh $([[ $only_shipped == 1 ]] && echo '--shipped ')$lines" | tee "$out/results.md"
echo "written: $out/results.md" >&2
