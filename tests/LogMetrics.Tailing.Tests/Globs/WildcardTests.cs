using LogMetrics.Tailing.Globs;

namespace LogMetrics.Tailing.Tests.Globs;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("*.log", "a.log", true)]
    [InlineData("*.log", ".log", true)]
    [InlineData("*.log", "a.log.1", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("[ab]x", "bx", true)]
    [InlineData("[!ab]x", "bx", false)]
    [InlineData("[!ab]x", "cx", true)]
    [InlineData("[a-c]*", "b-file", true)]
    [InlineData("[a-c]*", "d", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxc", false)]
    [InlineData("[x", "[x", true)]
    [InlineData("", "", true)]
    [InlineData("*", "", true)]
    public void Matches_a_segment(string pattern, string name, bool expected) =>
        Assert.Equal(expected, Wildcard.IsMatch(pattern, name));
}
