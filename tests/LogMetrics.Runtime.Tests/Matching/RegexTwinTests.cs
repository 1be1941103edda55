using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>A regex twin shares its source's compiled code and matches exactly as the source does.</summary>
public sealed class RegexTwinTests
{
    private const string ApacheLine = "10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";

    [Fact]
    public void SharesTheCompiledCodeOnThisRuntime()
    {
        // When this fails, the runtime's Regex no longer has the fields the regex source generator sets: twins then
        // compile their own code (still correct), and the prematcher's first batch pays for a second compilation.
        Assert.True(RegexTwin.Shared);
        var source = new Regex("(a)(?<b>b)", RegexOptions.Compiled);
        Assert.IsNotType<Regex>(RegexTwin.Of(source), exactMatch: true);
    }

    [Theory]
    [InlineData(@"^(?<host>\S+) (\S+) (?<user>\S+) \[(?<time>[^\]]+)\] ""(?<method>[A-Z]+) (\S+) HTTP/(?<v>[0-9.]+)"" (\d{3}) (?:(?<size>\d+)|-)", ApacheLine)]
    [InlineData(@"^(?<host>\S+) (\S+) (?<user>\S+) \[(?<time>[^\]]+)\] ""(?<method>[A-Z]+) (\S+) HTTP/(?<v>[0-9.]+)"" (\d{3}) (?:(?<size>\d+)|-)", "not an access line")]
    [InlineData(@"(?<5>x+)(?<name>y)?(z)", "aaxxxz")]
    [InlineData(@"(?<5>x+)(?<name>y)?(z)", "xyz")]
    [InlineData(@"(a+)(?:b|(c))*$", "aacbcb")]
    [InlineData(@"(?i)(?<word>straße)", "STRASSE Straße")]
    [InlineData(@"^$", "")]
    public void MatchesAsTheSource(string pattern, string input)
    {
        foreach (var options in new[] { RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexOptions.CultureInvariant, RegexOptions.RightToLeft })
        {
            var source = new Regex(pattern, options, TimeSpan.FromSeconds(2));
            var twin = RegexTwin.Of(source);
            Assert.Equal(source.Options, twin.Options);
            Assert.Equal(source.MatchTimeout, twin.MatchTimeout);
            Assert.Equal(source.ToString(), twin.ToString());
            Assert.Equal(source.GetGroupNames(), twin.GetGroupNames());
            Assert.Equal(source.GetGroupNumbers(), twin.GetGroupNumbers());
            Assert.Equal(Describe(source.Match(input)), Describe(twin.Match(input)));
            Assert.Equal(source.Replace(input, "<$1>"), twin.Replace(input, "<$1>"));
        }
    }

    [Fact]
    public void TheGrokPatternMatchesAsTheSourceOnTwoThreadsAtOnce()
    {
        var translation = RegexTranslator.Translate("^%{COMBINEDAPACHELOG}$", GrokLibrary.Default);
        Assert.True(translation.Success);
        var source = new Regex(translation.Pattern, translation.Options | RegexOptions.Compiled);
        var twin = RegexTwin.Of(source);
        string[] lines = [ApacheLine, ApacheLine.Replace("2326", "-"), "garbage", ApacheLine.Replace("10.0.0.1", "::1")];
        var expected = lines.Select(l => Describe(source.Match(l))).ToArray();

        // Each thread has its own instance; both run the same compiled code at the same time.
        var results = new[] { source, twin }.AsParallel().WithDegreeOfParallelism(2).Select(regex =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var line = i % lines.Length;
                if (Describe(regex.Match(lines[line])) != expected[line])
                {
                    return false;
                }
            }

            return true;
        }).ToArray();
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void KeepsTheTimeout()
    {
        var source = new Regex(@"^(a+)+$", RegexOptions.Compiled, TimeSpan.FromMilliseconds(20));
        var twin = RegexTwin.Of(source);
        Assert.Throws<RegexMatchTimeoutException>(() => twin.Match(new string('a', 40) + "!"));
    }

    private static string Describe(Match match) => match.Success
        ? string.Join("|", match.Groups.Cast<Group>().Select(g => $"{g.Name}:{(g.Success ? $"{g.Index}+{g.Length}" : "-")}"))
        : "no match";
}
