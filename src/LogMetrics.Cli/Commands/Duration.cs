using System.Globalization;
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

    /// <summary>Writes a duration the way it is parsed: 250ms, 1s, 1m30s, 2h; sub-millisecond parts as a fraction of a millisecond.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0 && value < TimeSpan.FromSeconds(1))
        {
            return value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        var text = new System.Text.StringBuilder();
        if (value.TotalHours >= 1)
        {
            text.Append((long)value.TotalHours).Append('h');
        }

        if (value.Minutes > 0)
        {
            text.Append(value.Minutes).Append('m');
        }

        var seconds = value.Seconds + (value.Ticks % TimeSpan.TicksPerSecond / (double)TimeSpan.TicksPerSecond);
        if (seconds > 0)
        {
            text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
