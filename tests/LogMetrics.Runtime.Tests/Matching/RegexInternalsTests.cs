using System.Text.RegularExpressions;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>GroupReader and MatchRecycler read private fields of System.Text.RegularExpressions; these tests hold them to
/// the regexes production builds (compiled, with a timeout) and to the runtime version they were checked on.</summary>
public sealed class RegexInternalsTests
{
    [Fact]
    public void TheRuntimeIsTheMajorVersionTheFieldReadsWereVerifiedOn() =>
        Assert.True(Environment.Version.Major == GroupReader.VerifiedOnDotNetMajor,
            $".NET {Environment.Version.Major}: GroupReader and MatchRecycler were verified on .NET {GroupReader.VerifiedOnDotNetMajor}. "
            + "Check that their probes still pass (Runtime tests) and that bench/run.sh still shows their gain, then raise VerifiedOnDotNetMajor.");

    [Fact]
    public void TheProbesPassedWithProductionsOptions()
    {
        Assert.Equal(RegexOptions.Compiled, GroupReader.CompiledOptions & RegexOptions.Compiled);
        Assert.True(GroupReader.Direct);
        Assert.True(MatchRecycler.Enabled);
    }

    public static TheoryData<string, string, int, bool, string, bool> Groups()
    {
        var data = new TheoryData<string, string, int, bool, string, bool>();
        foreach (var compiled in new[] { true, false })
        {
            data.Add("(a)|(b)", "xxb", 1, false, "", compiled);
            data.Add("(a)|(b)", "xxb", 2, true, "b", compiled);
            data.Add("(?:(a)|b)+", "abab", 1, true, "a", compiled);
            data.Add("^(x)()$", "x", 2, true, "", compiled);
            data.Add("(?<n>a)(?<n>b)?", "ab", 1, true, "b", compiled);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void DirectReadsAgreeWithGroups(string pattern, string text, int group, bool success, string value, bool compiled)
    {
        var match = new Regex(pattern, Options(compiled), TimeSpan.FromSeconds(5)).Match(text);
        Assert.Equal(success, GroupReader.TryGet(match, group, out var span));
        Assert.Equal(value, span.ToString());
        Assert.Equal(match.Groups[group].Success, success);
        Assert.Equal(match.Groups[group].Value, value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ARecycledMatchHoldsOnlyTheNextMatchsCaptures(bool compiled)
    {
        var regex = new Regex("^(\\w+)( (\\d+))?$", Options(compiled), TimeSpan.FromSeconds(5));
        var first = regex.Match("abc 12");
        Assert.True(GroupReader.TryGet(first, 3, out _));

        MatchRecycler.Return(regex, first);
        var second = regex.Match("xy");

        Assert.Same(first, second);
        Assert.True(GroupReader.TryGet(second, 1, out var word));
        Assert.Equal("xy", word.ToString());
        Assert.False(GroupReader.TryGet(second, 3, out _));
        Assert.False(second.Groups[3].Success);
    }

    private static RegexOptions Options(bool compiled) =>
        compiled ? RegexOptions.CultureInvariant | RegexOptions.Compiled : RegexOptions.CultureInvariant;
}
