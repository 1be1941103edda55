#!/usr/bin/env python3
"""Sidecar footprint of a daemon, for bench/footprint.sh. Starts the command after --, measures, stops it, and
prints one JSON object:

  startup_s   spawn -> first 200 on /metrics (the first scrape)
  ready_s     spawn -> first 200 on --ready-url (LogMetrics' /-/ready: programs loaded, logs followed), when given;
              the lines are appended only then, since a log that already has lines is read from its end
  memory      after the --lines file is appended to --log (empty at start) and counted (the sum of
              --count-metric reaches its line count), a scrape, --settle seconds without work and a scrape:
              RSS from /proc/PID/smaps_rollup split into anonymous, file-backed and memfd-shared memory (.NET's
              W^X "doublemapper" for JIT code), the peak (VmHWM) and the thread count

  footprint.py --url URL [--ready-url URL] --log FILE --lines FILE --count-metric NAME [--settle 5] -- CMD...
"""
import argparse
import json
import re
import subprocess
import sys
import time

from benchlib import fetch


def metric_sum(body, name):
    total, seen = 0.0, False
    for m in re.finditer(r"^" + re.escape(name) + r"(?:\{[^}]*\})? (\S+)", body, re.M):
        total += float(m.group(1))
        seen = True
    return total if seen else None


def wait_count(url, proc, name, want, deadline_s):
    end = time.monotonic() + deadline_s
    last = None
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"the daemon exited with {proc.returncode}")
        status, body = fetch(url)
        last = metric_sum(body, name) if status == 200 else None
        if last is not None and last >= want:
            return
        time.sleep(0.1)
    raise SystemExit(f"{name} reached {last}, not {want}, within {deadline_s} s")


def wait_served(url, proc, started):
    """Seconds from started to the first 200 from url."""
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"the daemon exited with {proc.returncode} before serving {url}")
        try:
            if fetch(url, timeout=2.0)[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        if time.monotonic() - started > 60:
            raise SystemExit(f"{url} not served within 60 s")
        time.sleep(0.01)


def memory(pid):
    rollup = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            m = re.match(r"(\w+):\s+(\d+) kB", line)
            if m:
                rollup[m.group(1)] = int(m.group(2))
    status = open(f"/proc/{pid}/status").read()
    field = lambda name: int(re.search(name + r":\s+(\d+)", status).group(1))
    shmem = sum(int(m.group(1)) for m in re.finditer(r"^Rss:\s+(\d+) kB", smaps_of(pid, "memfd:"), re.M))
    return {
        "rss_kb": rollup["Rss"],
        "anonymous_kb": rollup["Anonymous"],
        "shared_memfd_kb": shmem,
        "file_kb": rollup["Rss"] - rollup["Anonymous"] - shmem,
        "peak_rss_kb": field("VmHWM"),
        "threads": field("Threads"),
    }


def smaps_of(pid, marker):
    """The smaps entries whose mapping line contains marker, as text."""
    out, keep = [], False
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                keep = marker in line
            elif keep:
                out.append(line)
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--ready-url")
    ap.add_argument("--log", required=True)
    ap.add_argument("--lines", required=True)
    ap.add_argument("--count-metric", required=True)
    ap.add_argument("--settle", type=float, default=5.0)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    open(a.log, "w").close()

    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        result = {"startup_s": round(wait_served(a.url, proc, started), 3)}
        if a.ready_url:
            result["ready_s"] = round(wait_served(a.ready_url, proc, started), 3)

        lines = open(a.lines, "rb").read()
        with open(a.log, "ab") as f:
            f.write(lines)
        wait_count(a.url, proc, a.count_metric, lines.count(b"\n"), 300)
        fetch(a.url)
        time.sleep(a.settle)
        fetch(a.url)
        time.sleep(1)
        result.update(memory(proc.pid))
        print(json.dumps(result))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
