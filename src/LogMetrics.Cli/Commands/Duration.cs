using System.CommandLine.Parsing;

namespace LogMetrics.Cli.Commands;

/// <summary>Parses durations the way Prometheus tools write them ("250ms", "1s", "2m", "1h"), or as a .NET TimeSpan.</summary>
internal static class Duration
{
    public static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a duration; write it like 250ms, 1s, 2m or 1h.");
        return TimeSpan.Zero;
    }

    public static bool TryParse(string text, out TimeSpan value) => LogMetrics.Tailing.DurationText.TryParse(text, out value);
}
