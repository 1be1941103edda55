#!/usr/bin/env python3
"""Render bench/run.sh's raw.jsonl as the Markdown results table.

usage: report.py RAW_JSONL LINES DATE MACHINE VERSIONS COMMAND
"""
import json
import sys


def load(path):
    runs, compares, daemon = {}, {}, {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if "compare" in r:
                compares[r["case"]] = r
            elif r["case"] in ("latency", "render"):
                daemon[(r["case"], r["tool"])] = r
            else:
                runs[(r["case"], r["tool"])] = r
    return runs, compares, daemon


def cpu(r):
    return r["user"] + r["sys"]


def fmt_rate(lines, r):
    return f"{lines / r['wall']:,.0f}" if r and not r.get("failed") and r["wall"] > 0 else "failed" if r else "n/a"


def ok(r):
    return r is not None and not r.get("failed")


def main():
    raw, lines, date, machine, versions, command = sys.argv[1:7]
    lines = int(lines)
    runs, compares, daemon = load(raw)
    out = []
    out.append(f"Command: `{command}` | {date} | {machine}, shared with other work (noisy) | {versions}")
    out.append("")
    out.append(f"### One-shot, {lines:,} lines of `gen_access_log.py {lines} 42`")
    out.append("")
    out.append("| Case | mtail lines/s | LogMetrics lines/s | Speed ratio | mtail CPU s | LogMetrics CPU s | mtail peak RSS MB | LogMetrics peak RSS MB | RSS ratio | Outputs |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    names = {
        "apache_combined": "apache_combined.mtail",
        "linecount": "linecount.mtail",
        "high_cardinality": "high cardinality (client x path)",
        "grok": "grok %{COMBINEDAPACHELOG} (vs mtail apache_combined)",
        "web_examples": "4 web examples together",
    }
    for case in ["apache_combined", "linecount", "high_cardinality", "grok", "web_examples"]:
        m = runs.get(("apache_combined" if case == "grok" else case, "mtail"))
        l = runs.get((case, "logmetrics"))
        if m is None and l is None:
            continue
        speed = f"{m['wall'] / l['wall']:.1f}x" if ok(m) and ok(l) and l["wall"] > 0 else "n/a"
        rss = f"{l['rss_kb'] / m['rss_kb']:.2f}x" if ok(m) and ok(l) and case != "grok" else "n/a"
        c = compares.get(case)
        outputs = "n/a (mtail has no grok)" if case == "grok" else (
            f"equal ({c['detail'].split(': ')[-1]})" if c and c["compare"] == "equal" else
            f"DIFFERENT: {c['detail'].splitlines()[0]}" if c else "not compared")
        mr = (m if case != "grok" else m)
        out.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            names[case],
            fmt_rate(lines, mr) if case != "grok" else f"({fmt_rate(lines, mr)})",
            fmt_rate(lines, l),
            speed,
            f"{cpu(m):.2f}" if ok(m) and case != "grok" else "",
            f"{cpu(l):.2f}" if ok(l) else "",
            f"{m['rss_kb'] / 1024:.0f}" if ok(m) and case != "grok" else "",
            f"{l['rss_kb'] / 1024:.0f}" if ok(l) else "",
            rss, outputs))
    out.append("")
    out.append("Speed ratio = mtail wall time / LogMetrics wall time (= lines/s ratio); RSS ratio = LogMetrics / mtail.")

    lat = {t: daemon.get(("latency", t)) for t in ("logmetrics", "mtail")}
    ren = {t: daemon.get(("render", t)) for t in ("logmetrics", "mtail")}
    if any(lat.values()) or any(ren.values()):
        out.append("")
        out.append("### Daemon")
        out.append("")
        out.append("| Measurement | LogMetrics | mtail |")
        out.append("|---|---:|---:|")

        def cell(r, f):
            if r is None:
                return "not run"
            if r.get("failed"):
                return "failed"
            return f(r["result"])

        def pcts(x):
            return "{:.1f} / {:.1f} / {:.1f} / {:.1f}".format(x["p50_ms"], x["p90_ms"], x["p99_ms"], x["max_ms"])

        def render(x):
            return "{:.3f} / {:.3f} / {:.3f}".format(x["render_min_s"], x["render_median_s"], x["render_max_s"])

        samples = next((r["result"]["samples"] for r in lat.values() if ok(r)), 100)
        rows = [
            (f"line appended -> visible on /metrics, p50 / p90 / p99 / max (ms, {samples} samples)", lat, pcts),
            (f"/metrics with {lines:,} series: render min / median / max (s)", ren, render),
            ("... body size (MB)", ren, lambda x: "{:.1f}".format(x["series_body_bytes"] / 1e6)),
            (f"... time to ingest the {lines:,} lines (s)", ren, lambda x: "{:.1f}".format(x["ingest_s"])),
            ("... peak RSS (MB)", ren, lambda x: "{:.0f}".format((x["peak_rss_kb"] or 0) / 1024)),
        ]
        for title, results, f in rows:
            out.append(f"| {title} | {cell(results['logmetrics'], f)} | {cell(results['mtail'], f)} |")

    # Targets
    def ratio(case, base="mtail"):
        m = runs.get(("apache_combined" if case == "grok" else case, "mtail"))
        l = runs.get((case, "logmetrics"))
        return m["wall"] / l["wall"] if ok(m) and ok(l) else None

    def rss_ratio(case):
        m, l = runs.get((case, "mtail")), runs.get((case, "logmetrics"))
        return l["rss_kb"] / m["rss_kb"] if ok(m) and ok(l) else None

    def mark(value, good):
        return "n/a" if value is None else ("met" if good(value) else "NOT met")

    rows = []
    for case, target in (("apache_combined", 10), ("linecount", 10)):
        v = ratio(case)
        rows.append((f"{case}: >= {target}x mtail lines/s", "n/a" if v is None else f"{v:.1f}x", mark(v, lambda x: x >= target)))
    v, r = ratio("high_cardinality"), rss_ratio("high_cardinality")
    rows.append(("high cardinality: >= 5x faster", "n/a" if v is None else f"{v:.1f}x", mark(v, lambda x: x >= 5)))
    rows.append(("high cardinality: peak RSS <= 0.5x mtail", "n/a" if r is None else f"{r:.2f}x", mark(r, lambda x: x <= 0.5)))
    v = ratio("grok")
    rows.append(("grok: >= 5x mtail apache_combined lines/s", "n/a" if v is None else f"{v:.1f}x", mark(v, lambda x: x >= 5)))
    l = lat["logmetrics"]
    v = l["result"]["p99_ms"] if ok(l) else None
    rows.append(("line -> /metrics p99 < 50 ms", "n/a" if v is None else f"{v:.1f} ms", mark(v, lambda x: x < 50)))
    l = ren["logmetrics"]
    v = l["result"]["render_median_s"] if ok(l) else None
    rows.append((f"/metrics with {lines:,} series < 1 s (median)", "n/a" if v is None else f"{v:.3f} s", mark(v, lambda x: x < 1)))
    out.append("")
    out.append("### Targets")
    out.append("")
    out.append("| Target | Achieved | |")
    out.append("|---|---:|---|")
    for row in rows:
        out.append("| {} | {} | {} |".format(*row))
    print("\n".join(out))


if __name__ == "__main__":
    main()
