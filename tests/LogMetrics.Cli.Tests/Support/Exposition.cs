using System.Globalization;
using System.Text.RegularExpressions;

namespace LogMetrics.Cli.Tests.Support;

/// <summary>Reads sample lines of Prometheus text or OpenMetrics, so tests do not depend on label order or HELP text.</summary>
internal static partial class Exposition
{
    public static IReadOnlyList<Sample> Parse(string text) =>
        text.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(ParseLine)
            .OfType<Sample>()
            .ToList();

    /// <summary>The value of the one sample with this name and (at least) these labels; null when there is none.</summary>
    public static double? Value(string text, string name, params (string Name, string Value)[] labels)
    {
        var matches = Parse(text)
            .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value))
            .ToList();
        return matches.Count == 1 ? matches[0].Value : null;
    }

    private static Sample? ParseLine(string line)
    {
        var match = SampleLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
        {
            labels[label.Groups[1].Value] = Regex.Unescape(label.Groups[2].Value);
        }

        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var v => double.Parse(v, CultureInfo.InvariantCulture),
        };
        return new Sample(match.Groups["name"].Value, labels, value);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})? (?<value>\S+)(?: \S+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)" ?,?""")]
    private static partial Regex LabelPair();
}

internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
