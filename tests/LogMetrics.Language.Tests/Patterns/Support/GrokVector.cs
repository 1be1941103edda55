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
    private static readonly Lazy<IReadOnlyDictionary<string, GrokVector>> s_all = new(Load);

    public static IReadOnlyDictionary<string, GrokVector> All => s_all.Value;

    private static IReadOnlyDictionary<string, GrokVector> Load()
    {
        var result = new Dictionary<string, GrokVector>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedData.PathTo("conformance", "grok", "vectors.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var captures = root.GetProperty("captures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var absent = root.TryGetProperty("absent", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var vector = new GrokVector(
                root.GetProperty("id").GetString()!,
                root.GetProperty("pattern").GetString()!,
                root.GetProperty("input").GetString()!,
                root.GetProperty("match").GetBoolean(),
                captures,
                absent);
            result.Add(vector.Id, vector);
        }

        return result;
    }
}
