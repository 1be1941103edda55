using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Tests.Patterns.Support;

namespace LogMetrics.Language.Tests.Patterns;

/// <summary>
/// The built-in library against logstash grok: every oracle-labelled vector of tests/data/conformance/grok (see its
/// README) matches, or does not, exactly as logstash-patterns-core 4.3.1's legacy patterns do on Onigmo. One test per
/// file, which reports every failing vector at once.
/// </summary>
public sealed class GrokVectorTests
{
    /// <summary>Long enough for a loaded machine; a definition that backtracks this long is a failure, as a hang would be.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Every vector file in the folder, so a file added by the sync script is run without a code change.</summary>
    public static TheoryData<string> VectorFiles => new(Files());

    public static TheoryData<string> PatternNames =>
        new(File.ReadAllLines(Repository.PathOf("tests", "data", "conformance", "grok", "pattern-names.txt")).Where(l => l.Length > 0));

    [Theory]
    [InlineData("vectors.jsonl", 270)]
    [InlineData("vectors-crossed.jsonl", 5794)]
    [InlineData("vectors-formats.jsonl", 5916)]
    [InlineData("vectors-grid.jsonl", 16008)]
    public void Every_vector_file_is_there_and_complete(string file, int count)
    {
        Assert.Contains(file, Files());
        Assert.Equal(count, GrokVector.Load(file).Count);
    }

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void Every_vector_matches_like_logstash(string file)
    {
        var vectors = GrokVector.Load(file);
        Assert.NotEmpty(vectors);

        // Whole capture dicts are compared where the oracle recorded every field; vectors.jsonl holds only what a spec checks.
        var complete = file != "vectors.jsonl";
        var regexes = new Dictionary<string, (Regex? Regex, RegexTranslation Translation)>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var vector in vectors)
        {
            if (!regexes.TryGetValue(vector.Pattern, out var compiled))
            {
                var translation = RegexTranslator.Translate(vector.Pattern, GrokLibrary.Default);

                // logstash compiles with Ruby's MULTILINE: '.' matches '\n', and Ruby's ^ and $ are line anchors.
                compiled = (translation.Success ? new Regex(translation.Pattern, translation.Options | RegexOptions.Singleline | RegexOptions.Multiline, MatchTimeout) : null, translation);
                regexes.Add(vector.Pattern, compiled);
            }

            if (Check(vector, compiled.Regex, compiled.Translation, complete) is { } failure)
            {
                failures.Add($"{vector.Id} {vector.Pattern} on {Quote(vector.Input)}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {vectors.Count} vectors of {file} fail:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(PatternNames))]
    public void Every_legacy_name_is_defined_and_compiles(string name)
    {
        Assert.True(GrokLibrary.Default.Contains(name), $"{name} is not defined");
        var translation = RegexTranslator.Translate("%{" + name + "}", GrokLibrary.Default);
        Assert.True(translation.Success, string.Join("; ", translation.Errors));
        _ = new Regex(translation.Pattern, translation.Options);
    }

    [Fact]
    public void The_library_defines_exactly_the_legacy_names() =>
        Assert.Equal(
            File.ReadAllLines(Repository.PathOf("tests", "data", "conformance", "grok", "pattern-names.txt")).Where(l => l.Length > 0).Order(StringComparer.Ordinal),
            GrokLibrary.Default.Names.Order(StringComparer.Ordinal));

    private static string[] Files() =>
        [.. System.IO.Directory.GetFiles(GrokVector.Directory, "vectors*.jsonl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string? Check(GrokVector vector, Regex? regex, RegexTranslation translation, bool complete)
    {
        if (regex is null)
        {
            return "does not translate: " + string.Join("; ", translation.Errors.Select(e => $"{e.Code} {e.Message}"));
        }

        Match match;
        try
        {
            match = regex.Match(vector.Input);
        }
        catch (RegexMatchTimeoutException)
        {
            return $"timed out after {MatchTimeout.TotalSeconds:0} s";
        }

        if (match.Success != vector.Match)
        {
            return vector.Match ? "does not match, logstash matches" : $"matches ({Format(Captures(match, translation))}), logstash does not";
        }

        var captures = Captures(match, translation);
        var wrong = vector.Captures
            .Where(c => captures.GetValueOrDefault(c.Key) != c.Value)
            .Select(c => $"{c.Key}={Quote(captures.GetValueOrDefault(c.Key))} (logstash {Quote(c.Value)})")
            .Concat(vector.Absent.Where(captures.ContainsKey).Select(a => $"{a}={Quote(captures[a])} (logstash: absent)"))
            .Concat(complete
                ? captures.Where(c => !vector.Captures.ContainsKey(c.Key)).Select(c => $"{c.Key}={Quote(c.Value)} (logstash: absent)")
                : [])
            .ToList();
        return wrong.Count == 0 ? null : string.Join(", ", wrong);
    }

    /// <summary>The README's rule: named captures only; a group that did not take part or captured "" sets nothing;
    /// a name captured more than once keeps its last non-empty value.</summary>
    private static Dictionary<string, string> Captures(Match match, RegexTranslation translation)
    {
        var captures = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!match.Success)
        {
            return captures;
        }

        foreach (var group in translation.Groups)
        {
            if (group.Name is not null && match.Groups[group.Number] is { Success: true, Length: > 0 } g)
            {
                captures[group.Name] = g.Value;
            }
        }

        return captures;
    }

    private static string Format(IReadOnlyDictionary<string, string> captures) =>
        string.Join(", ", captures.Select(c => $"{c.Key}={Quote(c.Value)}"));

    private static string Quote(string? text)
    {
        if (text is null)
        {
            return "unset";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in text.Length > 160 ? text[..160] + "..." : text)
        {
            builder.Append(c switch { '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", '"' => "\\\"", _ => c.ToString() });
        }

        return builder.Append('"').ToString();
    }
}
