using System.Text.Json;

namespace LogMetrics.Language.Tests.Patterns.Support;

/// <summary>One line of tests/data/conformance/grok/vectors.jsonl.</summary>
internal sealed record GrokVector(
    string Id,
    string Pattern,
    string Input,
    bool Match,
    IReadOnlyDictionary<string, string> Captures,
    IReadOnlyList<string> Absent)
{
    /// <summary>Where the vector files live: tests/data/conformance/grok in the source tree.</summary>
    public static string Directory => Repository.PathOf("tests", "data", "conformance", "grok");

    /// <summary>The vectors of one file of <see cref="Directory"/> (e.g. "vectors-grid.jsonl"), in file order.</summary>
    public static IReadOnlyList<GrokVector> Load(string file)
    {
        var result = new List<GrokVector>();
        foreach (var line in File.ReadLines(Path.Combine(Directory, file)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            // vectors-crossed.jsonl leaves "captures" out where the pattern does not match.
            var captures = root.TryGetProperty("captures", out var c)
                ? c.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            var absent = root.TryGetProperty("absent", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            result.Add(new GrokVector(
                root.GetProperty("id").GetString()!,
                root.GetProperty("pattern").GetString()!,
                root.GetProperty("input").GetString()!,
                root.GetProperty("match").GetBoolean(),
                captures,
                absent));
        }

        return result;
    }
}
