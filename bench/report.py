#!/usr/bin/env python3
"""Render bench/run.sh's raw.jsonl as the Markdown results table.

usage: report.py RAW_JSONL LINES DATE MACHINE VERSIONS COMMAND
"""
import json
import sys


def load(path):
    runs, compares, daemon = {}, {}, {}
    builds, shipped, shipped_compares = {}, [], {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if r["case"] == "build":
                builds[r["build"]] = r["info"]
            elif r["case"] == "shipped":
                shipped.append(r)
            elif r["case"] == "shipped_compare":
                shipped_compares[r["label"]] = r
            elif "compare" in r:
                compares[r["case"]] = r
            elif r["case"] in ("latency", "render"):
                daemon[(r["case"], r["tool"])] = r
            else:
                runs[(r["case"], r["tool"])] = r
    return runs, compares, daemon, builds, shipped, shipped_compares


def cpu(r):
    return r["user"] + r["sys"]


def fmt_rate(lines, r):
    return f"{lines / r['wall']:,.0f}" if r and not r.get("failed") and r["wall"] > 0 else "failed" if r else "n/a"


def ok(r):
    return r is not None and not r.get("failed")


def yes(flag):
    return "yes" if flag else "no"


def shipped_table(shipped, compares, lines):
    """Per build and program: each round's ratio against the mtail run of the same round, and the median."""
    rounds = sorted({r["round"] for r in shipped})
    by = {(r["label"], r["round"]): r for r in shipped}
    out = [f"### As shipped: apache_combined, {lines:,} lines, {len(rounds)} rounds of mtail then both builds back to back", ""]
    out.append("| Build | Program | mtail wall s | LogMetrics wall s | LogMetrics CPU s | Speed ratio per round | Median | CPU ratio (median) | Outputs |")
    out.append("|---|---|---|---|---|---|---:|---:|---|")
    names = {"run": "`dotnet run -c Release` (README)", "published": "published (Dockerfile's `dotnet publish`)"}
    programs = {"mtail": ("mtail's apache_combined.mtail", "{}.mtail"), "ours": ("programs/apache_combined (grok)", "ours")}
    for build in ("run", "published"):
        for program, (title, compare_key) in programs.items():
            label = f"{build}.{program}"
            ms = [by.get(("mtail", i)) for i in rounds]
            ls = [by.get((label, i)) for i in rounds]
            pairs = [(m, l) for m, l in zip(ms, ls) if ok(m) and ok(l) and l["wall"] > 0]
            if not pairs:
                continue
            ratios = [m["wall"] / l["wall"] for m, l in pairs]
            cpu_ratios = [cpu(m) / cpu(l) for m, l in pairs if cpu(l) > 0]
            c = compares.get(compare_key.format(build))
            outputs = (f"equal to mtail ({c['detail'].split(': ')[-1]})" if program == "mtail" else
                       f"both builds equal ({c['detail'].split(': ')[-1]})") if c and c["compare"] == "equal" else (
                f"DIFFERENT: {c['detail'].splitlines()[0]}" if c else "not compared")
            out.append("| {} | {} | {} | {} | {} | {} | {:.1f}x | {:.1f}x | {} |".format(
                names[build], title,
                ", ".join(f"{m['wall']:.2f}" for m, _ in pairs),
                ", ".join(f"{l['wall']:.2f}" for _, l in pairs),
                ", ".join(f"{cpu(l):.2f}" for _, l in pairs),
                ", ".join(f"{r:.1f}x" for r in ratios),
                median(ratios), median(cpu_ratios) if cpu_ratios else 0.0, outputs))
    starts = [by.get(("run.start", i)) for i in rounds]
    starts = [r for r in starts if ok(r)]
    loads = [r["load"] for r in shipped if "load" in r]
    out.append("")
    if starts:
        out.append("`dotnet run ... -- --version` (the SDK's build check and start, no log read): "
                   + ", ".join(f"{r['wall']:.2f} s" for r in starts) + " wall.")
    if loads:
        out.append(f"Load average (1 min) during these rounds: {min(loads):.1f} to {max(loads):.1f} on this machine.")
    out.append("Speed ratio = mtail wall time / LogMetrics wall time in the same round; CPU ratio = mtail CPU / LogMetrics CPU.")
    return out


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def main():
    raw, lines, date, machine, versions, command = sys.argv[1:7]
    lines = int(lines)
    runs, compares, daemon, builds, shipped, shipped_compares = load(raw)
    out = []
    out.append(f"Command: `{command}` | {date} | {machine}, shared with other work (noisy) | {versions}")
    out.append("")
    for key, title in (("published", "Published build"), ("run", "`dotnet run` build")):
        b = builds.get(key)
        if b and b.get("native_aot"):
            out.append(f"- {title}: `{b['kind']}` at {b['commit']}: NativeAOT (one native executable), {b['size_mb']} MB")
        elif b:
            out.append(f"- {title}: `{b['kind']}` at {b['commit']}: ReadyToRun {b['r2r']} "
                       f"({b['r2r_assemblies']} of {b['r2r_assemblies'] + b['il_assemblies']} assemblies), "
                       f"composite {yes(b['composite'])}, self-contained {yes(b['self_contained'])}, "
                       f"trimmed {yes(b['trimmed'])}, {b['size_mb']} MB")
    out.append("")
    if shipped:
        out.extend(shipped_table(shipped, shipped_compares, lines))
        out.append("")
    if not runs:
        print("\n".join(out))
        return
    out.append("The cases below run the published build.")
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
