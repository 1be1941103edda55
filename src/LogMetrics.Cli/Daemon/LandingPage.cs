using System.Globalization;
using System.Net;
using System.Text;
using LogMetrics.Runtime;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.Daemon;

/// <summary>The HTML page at /: programs with their compile errors, followed logs, rates and runtime errors.</summary>
internal static class LandingPage
{
    public static string Render(
        IReadOnlyList<ProgramFileState> files,
        IReadOnlyList<ProgramStatus> programs,
        IReadOnlyList<SourceStatus> sources,
        RateSampler rates,
        DateTimeOffset startedAt,
        IReadOnlyList<LogMetrics.Metrics.MetricFamily> families)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>LogMetrics</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
            pre{margin:0;white-space:pre-wrap}.error{color:#b00}.ok{color:#080}.miss{color:#b60}
            #chart{border:1px solid #ccc}textarea{width:100%;font-family:monospace}#explained pre{background:#f6f6f6;padding:.5em;margin:.5em 0}</style></head><body>
            <h1>LogMetrics</h1>
            """);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Version {E(SelfMetrics.Version)}, running since {E(startedAt.ToString("u", CultureInfo.InvariantCulture))}.</p>\n");
        html.Append("""<p><a href="/metrics">/metrics</a> · <a href="/json">/json</a> · <a href="/-/healthy">/-/healthy</a> · <a href="/-/ready">/-/ready</a></p>""");

        html.Append("\n<h2>Programs</h2>\n<table id=\"programs\"><tr><th>Program</th><th>State</th><th>Lines</th><th>Matched</th><th>Lines/s</th><th>Runtime errors</th><th>Last runtime error</th><th>Diagnostics</th></tr>\n");
        var byName = programs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Path);
            byName.TryGetValue(name, out var status);
            var state = file.Error is null
                ? "<span class=\"ok\">running</span>"
                : file.Running
                    ? "<span class=\"error\">last reload failed; previous version running</span>"
                    : "<span class=\"error\">not loaded</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td><td>{state}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{status?.LinesProcessed}</td><td>{status?.LinesMatched}{(status?.LinesUndecoded > 0 ? $" ({status.LinesUndecoded} undecoded)" : "")}</td><td>{Rate(rates.ProgramLinesPerSecond(name))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{status?.RuntimeErrors}</td><td>{E(status?.LastRuntimeError)}</td><td><pre>");
            if (file.Error is not null && file.Diagnostics.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"error\">{E(file.Error)}</span>\n");
            }

            foreach (var diagnostic in file.Diagnostics)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"{(diagnostic.IsError ? "error" : "")}\">{E(diagnostic.ToString())}</span>\n");
                if (diagnostic.Hint is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"  hint: {E(diagnostic.Hint)}\n");
                }
            }

            html.Append("</pre></td></tr>\n");
        }

        html.Append("</table>\n<h2>Logs</h2>\n<table id=\"logs\"><tr><th>Log</th><th>Offset</th><th>Size</th><th>Lag (bytes)</th><th>Lines</th><th>Lines/s</th><th>Rotations</th><th>Truncations</th><th>Open errors</th><th>Lines too long</th><th>Records cut</th></tr>\n");
        foreach (var source in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(source.Name)}</td><td>{source.Offset}</td><td>{source.Size}</td><td>{source.LagBytes}</td><td>{source.LinesRead}</td><td>{Rate(rates.SourceLinesPerSecond(source.Name))}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{source.Rotations}</td><td>{source.Truncations}</td><td>{source.OpenErrors}</td><td>{source.LinesTooLong}</td><td>{source.RecordsCut}</td></tr>\n");
        }

        html.Append("</table>\n");
        var truncated = families.Where(f => f.SeriesRefused > 0).ToList();
        if (truncated.Count > 0)
        {
            html.Append("<h2>Dropped series</h2>\n<p class=\"error\">These metrics reached --max-series-per-metric: new label sets are dropped (raise the limit, or 0 for none).</p>\n");
            html.Append("<table><tr><th>Metric</th><th>Program</th><th>--max-series-per-metric</th><th>Updates dropped</th></tr>\n");
            foreach (var family in truncated)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(family.Descriptor.Name)}</td><td>{E(family.Descriptor.Program)}</td><td>{family.MaxSeries}</td><td>{family.SeriesRefused}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append(StatusPageScript.Html);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Rate(double? rate) => rate is null ? "" : rate.Value.ToString("0.#", CultureInfo.InvariantCulture);
}
