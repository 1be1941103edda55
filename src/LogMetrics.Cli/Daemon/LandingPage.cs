using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LogMetrics.Runtime;

namespace LogMetrics.Cli.Daemon;

/// <summary>The HTML page at /: programs with their diagnostics, followed logs, rates, runtime errors and metrics, rendered
/// from the /-/status.json document so it reads whole without JavaScript; the script then keeps it live.</summary>
internal static class LandingPage
{
    public static string Render(JsonElement status, DateTimeOffset startedAt)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>LogMetrics</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
            pre{margin:0;white-space:pre-wrap}.error{color:#b00}.warning{color:#b60}.ok{color:#080}.miss{color:#b60}
            #chart{border:1px solid #ccc}textarea{width:100%;font-family:monospace}#explained pre{background:#f6f6f6;padding:.5em;margin:.5em 0}</style></head><body>
            <h1>LogMetrics</h1>
            """);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Version {E(SelfMetrics.Version)}, running since {E(startedAt.ToString("u", CultureInfo.InvariantCulture))}.</p>\n");
        html.Append("""<p><a href="/metrics">/metrics</a> · <a href="/json">/json</a> · <a href="/-/healthy">/-/healthy</a> · <a href="/-/ready">/-/ready</a> · <a href="/-/status.json">/-/status.json</a></p>""");

        html.Append("\n<h2>Programs</h2>\n");
        StatusTables.Render(html, "programs", StatusTables.Programs, status.GetProperty("programs"));
        html.Append("<h2>Logs</h2>\n");
        StatusTables.Render(html, "logs", StatusTables.Logs, status.GetProperty("logs"));

        var metrics = status.GetProperty("metrics");
        var refused = metrics.EnumerateArray().Any(m => m.GetProperty("refused").GetInt64() > 0);
        html.Append("<h2>Metrics</h2>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p id=\"refused\" class=\"error\"{(refused ? "" : " hidden")}>Dropped series: some metrics reached --max-series-per-metric, and new label sets are dropped (raise the limit, or 0 for none).</p>\n");
        StatusTables.Render(html, "metrics", StatusTables.Metrics, metrics);

        html.Append(StatusPageScript.Html(StatusTables.DefinitionsJson()));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
