#!/usr/bin/env python3
"""Daemon-mode measurements for bench/run.sh. Starts the daemon itself (the command after --),
measures, stops it, and prints one JSON object.

  daemon_latency.py latency --log FILE --url URL [--samples 100] -- CMD...
      Appends "seq N" lines to FILE (empty at start) and polls URL until
      bench_last_sequence shows N: line-to-/metrics latency, p50/p90/p99/max in ms.

  daemon_latency.py render --log FILE --source BIG --url URL --metric NAME --value V [--repeat 5] -- CMD...
      Appends BIG to FILE (empty at start), waits until metric NAME (no labels
      besides prog) reaches V, then times `curl -s -o /dev/null -w %{time_total} URL`
      REPEAT times: render seconds (min/median/max), body bytes, ingest seconds, peak RSS.
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

from benchlib import fetch


def wait_ready(url, proc, deadline_s=60.0):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"daemon exited with {proc.returncode} before serving {url}")
        try:
            status, _ = fetch(url, timeout=2.0)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} not ready after {deadline_s}s")


def metric_value(body, name):
    m = re.search(r"^" + re.escape(name) + r"(?:\{[^}]*\})? (\S+)$", body, re.M)
    return float(m.group(1)) if m else None


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def start(cmd):
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def percentile(sorted_values, p):
    k = (len(sorted_values) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def latency(args, cmd):
    open(args.log, "w").close()
    proc = start(cmd)
    try:
        wait_ready(args.url, proc)
        u = urllib.parse.urlsplit(args.url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        fd = os.open(args.log, os.O_WRONLY | os.O_APPEND)
        rng = random.Random(1)

        def seen(n, deadline):
            nonlocal conn
            while time.perf_counter() < deadline:
                try:
                    conn.request("GET", u.path)
                    body = conn.getresponse().read().decode()
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
                    continue
                if metric_value(body, "bench_last_sequence") == n:
                    return True
                time.sleep(0.0005)
            return False

        # Warm-up: the first line also proves the file is being followed.
        os.write(fd, b"seq 0\n")
        if not seen(0, time.perf_counter() + 30):
            raise SystemExit("the daemon never showed the first line")
        samples = []
        for n in range(1, args.samples + 1):
            time.sleep(rng.uniform(0.005, 0.03))
            t0 = time.perf_counter()
            os.write(fd, f"seq {n}\n".encode())
            if not seen(n, t0 + 10):
                raise SystemExit(f"line {n} not visible after 10 s")
            samples.append((time.perf_counter() - t0) * 1000.0)
        os.close(fd)
        s = sorted(samples)
        return {"samples": len(s), "p50_ms": percentile(s, 50), "p90_ms": percentile(s, 90),
                "p99_ms": percentile(s, 99), "max_ms": s[-1]}
    finally:
        stop(proc)


def render(args, cmd):
    open(args.log, "w").close()
    proc = start(cmd)
    try:
        wait_ready(args.url, proc)
        t0 = time.monotonic()
        with open(args.source, "rb") as src, open(args.log, "ab") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"daemon exited with {proc.returncode}")
            _, body = fetch(args.url, timeout=120)
            if metric_value(body, args.metric) == args.value:
                break
            if time.monotonic() - t0 > args.timeout:
                raise SystemExit(f"{args.metric} did not reach {args.value} in {args.timeout}s")
            time.sleep(1.0)
        ingest = time.monotonic() - t0
        # The body that showed the final count may have rendered earlier families while lines were still
        # being processed, so the size comes from the timed fetches.
        times, size = [], 0
        for _ in range(args.repeat):
            out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{time_total} %{size_download}", args.url],
                                 capture_output=True, text=True, check=True)
            seconds, size = out.stdout.split()
            times.append(float(seconds))
            size = int(size)
        return {"series_body_bytes": size, "ingest_s": ingest, "render_min_s": min(times),
                "render_median_s": statistics.median(times), "render_max_s": max(times),
                "peak_rss_kb": peak_rss_kb(proc.pid)}
    finally:
        stop(proc)


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    opts, cmd = argv[:split], argv[split + 1:]
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["latency", "render"])
    p.add_argument("--log", required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--samples", type=int, default=100)
    p.add_argument("--source")
    p.add_argument("--metric")
    p.add_argument("--value", type=float)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--timeout", type=float, default=600)
    args = p.parse_args(opts)
    result = latency(args, cmd) if args.mode == "latency" else render(args, cmd)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
