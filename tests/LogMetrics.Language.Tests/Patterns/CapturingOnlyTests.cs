using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Patterns;

/// <summary>Writing a pattern with only the groups a program reads as capturing groups.</summary>
public sealed class CapturingOnlyTests
{
    private static RegexTranslation Translate(string pattern) => RegexTranslator.Translate(pattern, GrokLibrary.Default);

    public static TheoryData<string, int[], string, int[]> Cases => new()
    {
        // pattern, groups read, .NET pattern, .NET number of each RE2 group (index 0 = whole match)
        { "(a)(b)(c)", [1, 2, 3], "(a)(b)(c)", [0, 1, 2, 3] },
        { "(a)(b)(c)", [], "(?:a)(?:b)(?:c)", [0, -1, -1, -1] },
        { "(a)(b)(c)", [3], "(?:a)(?:b)(c)", [0, -1, -1, 1] },
        { "(a)(b)(c)", [1, 3], "(a)(?:b)(c)", [0, 1, -1, 2] },
        { "((a)|b)+", [2], "(?:(a)|b)+", [0, -1, 1] },
        { "(?P<x>a)(?P<y>b)", [2], "(?:a)(b)", [0, -1, 1] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnlyTheReadGroupsCapture(string pattern, int[] read, string expected, int[] netGroups)
    {
        var capturing = Translate(pattern).CapturingOnly(read.ToHashSet());

        Assert.Equal(expected, capturing.Pattern);
        Assert.Equal(netGroups, capturing.NetGroups);
    }

    [Theory]
    [InlineData(@"^(?P<host>\S+) (\S+) \[(?P<ts>[^\]]+)\] ""(?P<verb>[A-Z]+) (?P<path>\S+)""( (?P<size>\d+|-))?$", "h - [t] \"GET /x\" 12")]
    [InlineData(@"^(?P<host>\S+) (\S+) \[(?P<ts>[^\]]+)\] ""(?P<verb>[A-Z]+) (?P<path>\S+)""( (?P<size>\d+|-))?$", "h - [t] \"GET /x\"")]
    [InlineData("((a)|(b))+(c)?", "abba")]
    [InlineData("%{COMBINEDAPACHELOG}", "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326 \"-\" \"curl\"")]
    public void EveryReadGroupHasTheSameTextAsInTheFullPattern(string pattern, string line)
    {
        var translation = Translate(pattern);
        var count = translation.Groups.Count;
        var full = new Regex(translation.Pattern, translation.Options).Match(line);
        Assert.True(full.Success);

        // Every subset of a few groups: each group read alone, then every other group, then none.
        var subsets = Enumerable.Range(1, count).Select(g => new HashSet<int> { g })
            .Append(Enumerable.Range(1, count).Where(g => g % 2 == 0).ToHashSet())
            .Append([]);
        foreach (var read in subsets)
        {
            var capturing = translation.CapturingOnly(read);
            var narrow = new Regex(capturing.Pattern, translation.Options).Match(line);
            Assert.True(narrow.Success, capturing.Pattern);
            Assert.Equal(full.Value, narrow.Value);
            Assert.Equal(read.Count + 1, narrow.Groups.Count);
            foreach (var group in read)
            {
                var net = capturing.NetGroups[group];
                Assert.Equal(full.Groups[group].Success, narrow.Groups[net].Success);
                Assert.Equal(full.Groups[group].Value, narrow.Groups[net].Value);
            }
        }
    }

    [Fact]
    public void NoSetOfGroupsKeepsEveryGroupCapturing()
    {
        var translation = Translate("(a)(?:b)(c)");
        var capturing = translation.CapturingOnly(null);
        Assert.Equal(translation.Pattern, capturing.Pattern);
        Assert.Equal([0, 1, 2], capturing.NetGroups);
    }

    [Fact]
    public void APatternWithErrorsIsReturnedAsIs()
    {
        var translation = Translate("(a");
        Assert.False(translation.Success);
        var capturing = translation.CapturingOnly(new HashSet<int>());
        Assert.Equal(translation.Pattern, capturing.Pattern);
    }
}
