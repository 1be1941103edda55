using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Tests.Patterns.Support;

namespace LogMetrics.Language.Tests.Patterns;

public sealed class GrokVectorTests
{
    public static TheoryData<string> VectorIds => new(GrokVector.All.Keys);

    public static TheoryData<string> PatternNames =>
        new(File.ReadAllLines(SharedData.PathTo("conformance", "grok", "pattern-names.txt")).Where(l => l.Length > 0));

    [Fact]
    public void All_270_vectors_are_loaded() => Assert.Equal(270, GrokVector.All.Count);

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Vector_matches_like_logstash(string id)
    {
        var vector = GrokVector.All[id];
        var translation = RegexTranslator.Translate(vector.Pattern, GrokLibrary.Default);
        Assert.True(translation.Success, string.Join("; ", translation.Errors));

        // logstash compiles with Ruby's MULTILINE: '.' matches '\n', and Ruby's ^ and $ are line anchors.
        var regex = new Regex(translation.Pattern, translation.Options | RegexOptions.Singleline | RegexOptions.Multiline, TimeSpan.FromSeconds(10));
        var match = GrokDebugger.Match(regex, translation, vector.Input);

        Assert.Equal(vector.Match, match.Success);
        foreach (var (name, expected) in vector.Captures)
        {
            Assert.True(match.Captures.TryGetValue(name, out var actual), $"capture '{name}' is not set");
            Assert.Equal(expected, actual);
        }

        foreach (var name in vector.Absent)
        {
            Assert.False(match.Captures.ContainsKey(name), $"capture '{name}' should be absent but is '{match.Captures.GetValueOrDefault(name)}'");
        }
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
}
