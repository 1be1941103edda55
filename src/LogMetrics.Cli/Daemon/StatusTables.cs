using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace LogMetrics.Cli.Daemon;

/// <summary>How a status table cell is shown: the server (first paint, and clients without JavaScript) and the page's
/// script (every second after) both format cells by kind, from the same /-/status.json fields.</summary>
internal enum CellKind
{
    Text,
    Number,
    Rate,
    State,
    Time,
    Diagnostics,
    Alarm,
}

/// <summary>One column of a status table: its header, the /-/status.json field it shows, and how.</summary>
internal sealed record StatusColumn(string Header, string Field, CellKind Kind);

/// <summary>A column as the page's script reads it: {"header", "field", "kind"}.</summary>
internal sealed record StatusColumnDefinition(string Header, string Field, string Kind);

/// <summary>The status page's tables, defined once: <see cref="LandingPage"/> renders them on the server and
/// <see cref="StatusPageScript"/> redraws them from the same definitions (embedded as JSON in the page).</summary>
internal static class StatusTables
{
    public static readonly IReadOnlyList<StatusColumn> Programs =
    [
        new("Program", "name", CellKind.Text),
        new("State", "state", CellKind.State),
        new("Last reload", "last_reload", CellKind.Time),
        new("Lines", "lines", CellKind.Number),
        new("Matched", "matched", CellKind.Number),
        new("Lines/s", "lines_per_second", CellKind.Rate),
        new("Matches/s", "matches_per_second", CellKind.Rate),
        new("Undecoded", "undecoded", CellKind.Alarm),
        new("Runtime errors", "runtime_errors", CellKind.Alarm),
        new("Last runtime error", "last_runtime_error", CellKind.Text),
        new("Diagnostics", "diagnostics", CellKind.Diagnostics),
    ];

    public static readonly IReadOnlyList<StatusColumn> Logs =
    [
        new("Log", "name", CellKind.Text),
        new("Offset", "offset", CellKind.Number),
        new("Size", "size", CellKind.Number),
        new("Lag (bytes)", "lag", CellKind.Number),
        new("Lines", "lines", CellKind.Number),
        new("Lines/s", "lines_per_second", CellKind.Rate),
        new("Rotations", "rotations", CellKind.Number),
        new("Truncations", "truncations", CellKind.Number),
        new("Open errors", "open_errors", CellKind.Alarm),
        new("Lines too long", "lines_too_long", CellKind.Alarm),
        new("Records cut", "records_cut", CellKind.Alarm),
    ];

    public static readonly IReadOnlyList<StatusColumn> Metrics =
    [
        new("Metric", "name", CellKind.Text),
        new("Program", "program", CellKind.Text),
        new("Series", "series", CellKind.Number),
        new("Dropped (limit or --max-series-per-metric)", "dropped", CellKind.Alarm),
        new("Refused at --max-series-per-metric", "refused", CellKind.Alarm),
    ];

    /// <summary>The tables by element id, as the JSON the page's script reads: {"programs": [{"header", "field", "kind"}...], ...}.</summary>
    public static string DefinitionsJson()
    {
        var tables = new Dictionary<string, IReadOnlyList<StatusColumnDefinition>>
        {
            ["programs"] = Describe(Programs),
            ["logs"] = Describe(Logs),
            ["metrics"] = Describe(Metrics),
        };
        // The default encoder: this JSON is embedded in a <script> element, so < > & stay escaped.
        return JsonSerializer.Serialize(tables, CliJsonContext.Default.DictionaryStringIReadOnlyListStatusColumnDefinition);

        static IReadOnlyList<StatusColumnDefinition> Describe(IReadOnlyList<StatusColumn> columns) =>
            columns.Select(c => new StatusColumnDefinition(c.Header, c.Field, c.Kind.ToString().ToLowerInvariant())).ToList();
    }

    /// <summary>Writes <c>&lt;table id="ID"&gt;</c> with a header row and one row per element of <paramref name="rows"/>.</summary>
    public static void Render(StringBuilder html, string id, IReadOnlyList<StatusColumn> columns, JsonElement rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"{id}\"><tr>");
        foreach (var column in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(column.Header)}</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in rows.EnumerateArray())
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                html.Append("<td>");
                AppendCell(html, column.Kind, row.TryGetProperty(column.Field, out var value) ? value : default);
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    // Mirrors `cell(kind, value)` in StatusPageScript: change both together.
    private static void AppendCell(StringBuilder html, CellKind kind, JsonElement value)
    {
        var missing = value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        switch (kind)
        {
            case CellKind.Text or CellKind.Number:
                html.Append(missing ? "" : E(Text(value)));
                break;
            case CellKind.Rate:
                html.Append(missing ? "" : value.GetDouble().ToString("0.0", CultureInfo.InvariantCulture));
                break;
            case CellKind.State:
                var state = Text(value);
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"{(state == "running" ? "ok" : "error")}\">{E(state)}</span>");
                break;
            case CellKind.Time:
                html.Append(missing ? "" : E(value.GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)));
                break;
            case CellKind.Diagnostics:
                html.Append("<pre>");
                html.AppendJoin('\n', missing ? [] : value.EnumerateArray().Select(d =>
                    $"<span class=\"{(d.GetProperty("error").GetBoolean() ? "error" : "warning")}\">{E(d.GetProperty("text").GetString())}</span>"));
                html.Append("</pre>");
                break;
            case CellKind.Alarm:
                var count = missing ? 0 : value.GetInt64();
                html.Append(count > 0 ? $"<span class=\"error\">{count}</span>" : "0");
                break;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
