using LogMetrics.Cli.Testing;

namespace LogMetrics.Cli.Tests.Testing;

public sealed class LineDiffTests
{
    [Theory]
    [InlineData("a b c", "a b c", " a| b| c")]
    [InlineData("a b c", "a x c", " a|-b|+x| c")]
    [InlineData("a b", "a b c", " a| b|+c")]
    [InlineData("a b c", "b c", "-a| b| c")]
    [InlineData("", "a", "+a")]
    public void ComputesAMinimalDiff(string expected, string actual, string diff) =>
        Assert.Equal(diff.Split('|'), LineDiff.Compute(Split(expected), Split(actual)));

    [Fact]
    public void SignificantLinesSkipCommentsAndBlanks() =>
        Assert.Equal(["a 1", "b 2"], TestWorker.Significant("# HELP a\n\na 1\r\n  \n# TYPE b\nb 2\n"));

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
