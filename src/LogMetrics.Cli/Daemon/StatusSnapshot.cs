using LogMetrics.Cli.OneShot;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli.Daemon;

/// <summary>The status page's data as JSON (GET /-/status.json): programs, logs and metrics; and the explain box (POST /-/explain).</summary>
internal static class StatusSnapshot
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Render(DaemonState state) => JsonSerializer.Serialize(Build(state), s_options);

    /// <summary>The document served at /-/status.json; the fields are the ones <see cref="StatusTables"/> columns name.</summary>
    public static JsonElement Build(DaemonState state)
    {
        var statuses = state.Engine.Programs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var programs = state.Programs.Files.Select(file =>
        {
            statuses.TryGetValue(file.Name, out var status);
            return new
            {
                file.Name,
                State = file.Error is null ? "running" : file.Running ? "reload failed; previous version running" : "not loaded",
                Diagnostics = file.Diagnostics.Select(d => new { Text = d.Hint is null ? d.ToString() : $"{d}\n  hint: {d.Hint}", Error = d.IsError })
                    .Concat(file.Error is not null && file.Diagnostics.Count == 0 ? [new { Text = file.Error, Error = true }] : []).ToList(),
                LastReload = file.CheckedAt,
                Lines = status?.LinesProcessed ?? 0,
                Matched = status?.LinesMatched ?? 0,
                Undecoded = status?.LinesUndecoded ?? 0,
                RuntimeErrors = status?.RuntimeErrors ?? 0,
                status?.LastRuntimeError,
                LinesPerSecond = state.Rates.ProgramLinesPerSecond(file.Name),
                MatchesPerSecond = state.Rates.ProgramMatchesPerSecond(file.Name),
            };
        });
        var logs = state.Sources.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new
        {
            s.Name,
            s.Offset,
            s.Size,
            Lag = s.LagBytes,
            Lines = s.LinesRead,
            LinesPerSecond = state.Rates.SourceLinesPerSecond(s.Name),
            s.Rotations,
            s.Truncations,
            s.OpenErrors,
            s.LinesTooLong,
            s.RecordsCut,
        });
        var metrics = state.Store.ProgramFamilies()
            .OrderBy(f => f.Descriptor.Program, StringComparer.Ordinal)
            .ThenBy(f => f.Descriptor.Name, StringComparer.Ordinal)
            .Select(f => new
            {
                f.Descriptor.Name,
                f.Descriptor.Program,
                Series = f.SeriesCount,
                Dropped = f.SeriesDropped,
                Refused = f.SeriesRefused,
                Limit = f.MaxSeries,
            });
        return JsonSerializer.SerializeToElement(new { Now = DateTimeOffset.UtcNow, Programs = programs, Logs = logs, Metrics = metrics }, s_options);
    }

    /// <summary>Explains one line for every loaded program, each on a store of its own (the live metrics are not touched).</summary>
    public static string Explain(DaemonState state, IReadOnlyList<string> lines)
    {
        var results = new List<object>();
        foreach (var file in state.Programs.Files.Where(f => f.Running))
        {
            string text;
            try
            {
                text = File.ReadAllText(file.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                results.Add(new { Program = file.Name, Error = e.Message });
                continue;
            }

            var explainer = LineExplainer.Create(file.Path, text, state.EngineOptions, out var diagnostics, out var error);
            if (explainer is null)
            {
                results.Add(new { Program = file.Name, Error = error ?? string.Join("\n", diagnostics.Where(d => d.IsError)) });
                continue;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                results.Add(explainer.Explain(lines[i], i + 1, "status page"));
            }
        }

        return JsonSerializer.Serialize(results, s_options);
    }
}
