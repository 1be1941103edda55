using System.Globalization;
using System.Text.RegularExpressions;

namespace LogMetrics.Metrics.Tests.Support;

/// <summary>
/// Checks the OpenMetrics 1.0 rules that promtool (which reads the 0.0.4 format) cannot: one TYPE per family before
/// its samples, sample names made of the family name and the suffixes its type allows, `le` on buckets, cumulative
/// buckets ending in +Inf that equal `_count`, no series twice, canonical numbers, and `# EOF` last.
/// Returns the problems found.
/// </summary>
internal static partial class OpenMetricsValidator
{
    public static List<string> Validate(string text)
    {
        var problems = new List<string>();
        if (!text.EndsWith("# EOF\n", StringComparison.Ordinal))
        {
            problems.Add("does not end with '# EOF\\n'");
        }

        var lines = text.Split('\n');
        var families = new HashSet<string>();
        var series = new HashSet<string>();
        string? family = null, type = null;
        var lastBucket = new Dictionary<string, double>();
        var infBucket = new Dictionary<string, double>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            if (line == "# EOF")
            {
                if (i != lines.Length - 2)
                {
                    problems.Add($"line {i + 1}: '# EOF' before the end");
                }

                continue;
            }

            var meta = MetaLine().Match(line);
            if (meta.Success)
            {
                var name = meta.Groups["name"].Value;
                if (meta.Groups["kind"].Value == "TYPE")
                {
                    if (!families.Add(name))
                    {
                        problems.Add($"line {i + 1}: family {name} declared twice");
                    }

                    (family, type) = (name, meta.Groups["rest"].Value);
                    if (type is not ("counter" or "gauge" or "histogram" or "summary"))
                    {
                        problems.Add($"line {i + 1}: unexpected type {type}");
                    }
                }
                else if (name != family && families.Contains(name))
                {
                    problems.Add($"line {i + 1}: HELP for {name} after its samples");
                }
                else
                {
                    family = name;
                }

                continue;
            }

            var sample = SampleLine().Match(line);
            if (!sample.Success)
            {
                problems.Add($"line {i + 1}: not a sample: {line}");
                continue;
            }

            var sampleName = sample.Groups["name"].Value;
            var labels = sample.Groups["labels"].Value;
            var value = sample.Groups["value"].Value;
            string[] suffixes = type switch
            {
                "counter" => ["_total", "_created"],
                "histogram" => ["_bucket", "_sum", "_count", "_created"],
                "summary" => ["", "_sum", "_count", "_created"],
                _ => [""],
            };
            var suffix = suffixes.FirstOrDefault(s => sampleName == family + s);
            if (family is null || suffix is null)
            {
                problems.Add($"line {i + 1}: sample {sampleName} does not belong to family {family} ({type})");
                continue;
            }

            if (!IsNumber(value))
            {
                problems.Add($"line {i + 1}: bad number {value}");
            }

            if (!series.Add(sampleName + "{" + labels + "}"))
            {
                problems.Add($"line {i + 1}: duplicate series {sampleName}{{{labels}}}");
            }

            if (suffix == "_bucket")
            {
                var le = LeLabel().Match(labels);
                if (!le.Success || !(le.Groups[1].Value == "+Inf" || le.Groups[1].Value.Contains('.') || le.Groups[1].Value.Contains('e')))
                {
                    problems.Add($"line {i + 1}: bucket without a canonical le label");
                    continue;
                }

                var group = family + LeLabel().Replace(labels, "");
                var count = Parse(value);
                if (lastBucket.TryGetValue(group, out var previous) && count < previous)
                {
                    problems.Add($"line {i + 1}: buckets are not cumulative");
                }

                lastBucket[group] = count;
                if (le.Groups[1].Value == "+Inf")
                {
                    infBucket[group] = count;
                }
            }
            else if (suffix == "_count" && type == "histogram")
            {
                var group = family + labels;
                if (!infBucket.TryGetValue(group, out var inf) || inf != Parse(value))
                {
                    problems.Add($"line {i + 1}: _count differs from the +Inf bucket or it is missing");
                }
            }
        }

        return problems;
    }

    private static bool IsNumber(string value) =>
        value is "NaN" or "+Inf" or "-Inf" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double Parse(string value) =>
        value == "+Inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE|UNIT) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex MetaLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\\n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\\n])*")*)\})? (?<value>\S+)( (?<timestamp>\S+))?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?:^|,)le="([^"]*)"$""")]
    private static partial Regex LeLabel();
}
