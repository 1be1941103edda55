using System.Globalization;
using System.Text;

namespace LogMetrics.Conformance.Tests.Support;

/// <summary>A parsed Prometheus text (0.0.4) exposition: samples keyed by series, and each family's TYPE and HELP.</summary>
internal sealed class PrometheusExposition
{
    private PrometheusExposition(
        IReadOnlyDictionary<string, PrometheusSample> samples,
        IReadOnlyDictionary<string, string> types,
        IReadOnlyDictionary<string, string> help)
    {
        Samples = samples;
        Types = types;
        Help = help;
    }

    /// <summary>Samples by <see cref="PrometheusSample.Key"/>.</summary>
    public IReadOnlyDictionary<string, PrometheusSample> Samples { get; }

    /// <summary>TYPE by family name.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>HELP text (still escaped) by family name.</summary>
    public IReadOnlyDictionary<string, string> Help { get; }

    /// <summary>Parses the text; a malformed line or a repeated series is a <see cref="FormatException"/>.</summary>
    public static PrometheusExposition Parse(string text)
    {
        var samples = new Dictionary<string, PrometheusSample>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (line.StartsWith("# HELP ", StringComparison.Ordinal))
                {
                    var (name, rest) = SplitFirstWord(line["# HELP ".Length..]);
                    AddOnce(help, name, rest, "HELP");
                }
                else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
                {
                    var (name, rest) = SplitFirstWord(line["# TYPE ".Length..]);
                    AddOnce(types, name, rest, "TYPE");
                }
                else if (line.StartsWith('#'))
                {
                    continue;
                }
                else
                {
                    var sample = ParseSample(line);
                    if (!samples.TryAdd(sample.Key, sample))
                    {
                        throw new FormatException($"series {sample.Key} appears twice");
                    }
                }
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {lineNumber}: {e.Message}: {line}", e);
            }
        }

        return new PrometheusExposition(samples, types, help);
    }

    private static void AddOnce(Dictionary<string, string> map, string name, string value, string what)
    {
        if (!map.TryAdd(name, value))
        {
            throw new FormatException($"second {what} for {name}");
        }
    }

    private static (string Name, string Remainder) SplitFirstWord(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..]);
    }

    private static PrometheusSample ParseSample(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
        {
            i++;
        }

        var name = line[..i];
        if (name.Length == 0)
        {
            throw new FormatException("no metric name");
        }

        var labels = new List<KeyValuePair<string, string>>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                SkipSpaces(line, ref i);
                if (i >= line.Length)
                {
                    throw new FormatException("unterminated label set");
                }

                if (line[i] == '}')
                {
                    i++;
                    break;
                }

                var eq = line.IndexOf('=', i);
                if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
                {
                    throw new FormatException("bad label");
                }

                var labelName = line[i..eq].Trim();
                i = eq + 2;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException("unterminated label value");
                    }

                    var c = line[i++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\' && i < line.Length)
                    {
                        var escaped = line[i++];
                        value.Append(escaped switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            _ => throw new FormatException($"bad escape \\{escaped}"),
                        });
                        continue;
                    }

                    value.Append(c);
                }

                if (labels.Any(l => l.Key == labelName))
                {
                    throw new FormatException($"label {labelName} repeated");
                }

                labels.Add(new(labelName, value.ToString()));
                SkipSpaces(line, ref i);
                if (i < line.Length && line[i] == ',')
                {
                    i++;
                }
            }
        }

        var fields = line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 1 or > 2)
        {
            throw new FormatException("expected a value and an optional timestamp");
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new PrometheusSample(name, labels, ParseValue(fields[0]));
    }

    private static void SkipSpaces(string line, ref int i)
    {
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }
    }

    public static double ParseValue(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"bad value {text}"),
    };
}
