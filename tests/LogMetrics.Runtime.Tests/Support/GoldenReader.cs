using System.Globalization;
using System.Text.RegularExpressions;

namespace LogMetrics.Runtime.Tests.Support;

/// <summary>Reads mtail's golden format (internal/mtail/golden/reader.go); lines that do not match are ignored.</summary>
internal static partial class GoldenReader
{
    [GeneratedRegex(@"^(counter|gauge|timer|text|histogram) ([^ ]+)(?: {([^}]+)})?(?: (\S+))?(?: (.+))?")]
    private static partial Regex LinePattern();

    public static IReadOnlyList<GoldenDatum> Read(string path)
    {
        var result = new List<GoldenDatum>();
        foreach (var line in File.ReadAllLines(path))
        {
            var match = LinePattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (match.Groups[3].Success)
            {
                foreach (var pair in match.Groups[3].Value.Split(','))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    var value = pair[(eq + 1)..];
                    labels[pair[..eq]] = value == "\"\"" ? "" : value;
                }
            }

            var timestamp = match.Groups[5].Success ? ParseTimestamp(match.Groups[5].Value.Trim()) : (long?)null;
            result.Add(new GoldenDatum(match.Groups[1].Value, match.Groups[2].Value, labels,
                match.Groups[4].Success ? match.Groups[4].Value : null, timestamp, line));
        }

        return result;
    }

    /// <summary>RFC 3339 (any offset, year 0 allowed) or Unix nanoseconds, as Unix milliseconds.</summary>
    public static long ParseTimestamp(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nanos))
        {
            return nanos / 1_000_000;
        }

        // .NET has no year 0: shift by 400 years (146097 days, a whole Gregorian cycle) and back.
        var year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        var shift = year < 1 ? 400 : 0;
        var shifted = (year + shift).ToString("0000", CultureInfo.InvariantCulture) + text[4..];
        var parsed = DateTimeOffset.Parse(shifted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return parsed.ToUnixTimeMilliseconds() - (shift == 0 ? 0 : 146097L * 86400 * 1000);
    }
}
