using LogMetrics.Runtime.Codegen;
using LogMetrics.Runtime.Matching;
using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>The matching shortcuts (prematching on a second thread, direct group reads, always-matching patterns)
/// give the same metrics and errors as plain in-order matching.</summary>
public sealed class MatchShortcutTests
{
    // GroupReader's direct reads and MatchRecycler themselves are checked in RegexInternalsTests (compiled and
    // interpreted); this class checks what they give a running program.

    /// <summary>Lines alternate between having the optional group and not, so a capture left over from a recycled
    /// match, or a group read through the wrong number after unread groups were compiled non-capturing, shows.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecycledMatchesAndUnreadGroupsGiveEachLinesOwnCaptures(bool prematch)
    {
        const string program = """
            counter total by key
            counter by_opt by opt
            /^(?P<unread>\d+) (?P<key>\w+)( (?P<also_unread>-+))?( (?P<opt>x+))?$/ {
              total[$key]++
              $opt != "" {
                by_opt[$opt]++
              }
            }
            """;
        var lines = Enumerable.Range(0, 300)
            .Select(i => $"{i} k{i % 5}" + (i % 4 == 0 ? " --" : "") + (i % 3 == 0 ? "" : " " + new string('x', i % 3)))
            .ToList();
        Assert.True(lines.Count >= Prematcher.MinLines);

        using var harness = new EngineHarness("p.mtail", program, new EngineOptions { Prematch = prematch, PrematchEveryLine = prematch });
        harness.Feed("f", lines);

        Assert.Empty(harness.Errors);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal("60", harness.Value("total", $"k{k}"));
        }

        Assert.Equal("100", harness.Value("by_opt", "x"));
        Assert.Equal("100", harness.Value("by_opt", "xx"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("7", true)]
    [InlineData("200", true)]
    [InlineData("-12", true)]
    [InlineData("999999999999999999", true)]
    [InlineData("9999999999999999999", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("-0", false)]
    [InlineData("007", false)]
    [InlineData("+5", false)]
    [InlineData("1.0", false)]
    [InlineData(" 1", false)]
    [InlineData("١٢", false)]
    public void CanonicalIntegers(string text, bool canonical) => Assert.Equal(canonical, ProgramCompiler.IsCanonicalInt(text));

    [Fact]
    public void AnIntCaptureKeyIsWrittenAsItsNumber()
    {
        const string program = "counter c by code\n/^(?P<code>[-+]?\\d+)$/ {\n  c[$code]++\n}\n";
        using var harness = new EngineHarness("p.mtail", program);
        harness.Feed("f", ["200", "007", "+7", "-3", "0", "-0"]);
        Assert.Equal("1", harness.Value("c", "200"));
        Assert.Equal("2", harness.Value("c", "7"));
        Assert.Equal("1", harness.Value("c", "-3"));
        Assert.Equal("2", harness.Value("c", "0"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("^", true)]
    [InlineData(@"\z", true)]
    [InlineData("$", true)]
    [InlineData("a", false)]
    [InlineData("^$", false)]
    public void AlwaysMatchingPatterns(string pattern, bool always) => Assert.Equal(always, ProgramCompiler.AlwaysMatchesEmpty(pattern));

    [Fact]
    public void AnAlwaysMatchingPatternStillSetsAnEmptyZeroCapture()
    {
        const string program = "text last\ncounter n\n/$/ {\n  n++\n  last = $0 + \"|\"\n}\n";
        using var harness = new EngineHarness("p.mtail", program);
        harness.Feed("f", ["a", "b c"]);
        Assert.Equal("2", harness.Value("n"));
        Assert.Equal("|", harness.Value("last"));
    }

    [Fact]
    public void PrematchingGivesTheSameMetricsAndErrors()
    {
        var program = File.ReadAllText(Path.Combine(SharedPaths.MtailExamples, "apache_combined.mtail"));
        var log = File.ReadAllLines(Path.Combine(SharedPaths.MtailConformance, "testdata", "apache-combined.log"));
        var lines = Enumerable.Range(0, 20).SelectMany(i => log.Select(l => i % 3 == 0 ? "garbage " + l : l)).ToList();
        Assert.True(lines.Count >= Prematcher.MinLines);

        using var plain = new EngineHarness("a.mtail", program, new EngineOptions { Prematch = false });
        using var prematched = new EngineHarness("a.mtail", program, new EngineOptions { Prematch = true, PrematchEveryLine = true });
        using var racing = new EngineHarness("a.mtail", program, new EngineOptions { Prematch = true });
        plain.Feed("f", lines);
        prematched.Feed("f", lines);
        racing.Feed("f", lines);

        Assert.Equal(Dump(plain), Dump(prematched));
        Assert.Equal(plain.Errors.Select(e => e.Message), prematched.Errors.Select(e => e.Message));
        Assert.Equal(plain.Engine.Programs[0].LinesMatched, prematched.Engine.Programs[0].LinesMatched);
        Assert.Equal(Dump(plain), Dump(racing));
        Assert.Equal(plain.Errors.Select(e => e.Message), racing.Errors.Select(e => e.Message));
    }

    private static List<string> Dump(EngineHarness harness) =>
        harness.Store.Snapshot()
            .SelectMany(f => f.SnapshotSeries().Select(s => $"{f.Descriptor.Name}{{{string.Join(",", s.LabelValues)}}} {s.IntValue} {s.TimestampMs}"))
            .ToList();
}
