using System.Globalization;

namespace LogMetrics.Tailing;

/// <summary>Durations as Prometheus tools write them ("250ms", "1s", "2m", "1h"), or as a .NET TimeSpan.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        (string Suffix, double Scale)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0)
            {
                value = TimeSpan.FromMilliseconds(number * scale);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }
}
