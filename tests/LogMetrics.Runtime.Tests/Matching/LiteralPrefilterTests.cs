using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>The required-literal prefilter stands aside while it rejects almost nothing, and samples again later.</summary>
public sealed class LiteralPrefilterTests
{
    [Fact]
    public void RejectsLinesWithoutTheLiteral()
    {
        var filter = new LiteralPrefilter("HTTP/");
        Assert.True(filter.Rejects("GET / FTP"));
        Assert.False(filter.Rejects("GET / HTTP/1.1"));
    }

    [Fact]
    public void StandsAsideWhileAlmostEveryLineHasTheLiteralThenSamplesAgain()
    {
        var filter = new LiteralPrefilter("HTTP/");
        for (var i = 0; i < LiteralPrefilter.SampleLines; i++)
        {
            Assert.False(filter.Rejects("GET / HTTP/1.1"));
        }

        // Bypassed: a line without the literal goes on to the regex (which finds no match itself).
        for (var i = 0; i < LiteralPrefilter.BypassLines; i++)
        {
            Assert.False(filter.Rejects("no literal here"));
        }

        Assert.True(filter.Rejects("no literal here"));
    }

    [Fact]
    public void KeepsFilteringWhileItRejectsEnoughLines()
    {
        var filter = new LiteralPrefilter("HTTP/");
        var rejected = 0;
        for (var i = 0; i < 3 * LiteralPrefilter.SampleLines; i++)
        {
            // One line in eight lacks the literal: more than the 1 in 16 that keeps the filter on.
            if (filter.Rejects(i % 8 == 0 ? "noise" : "GET / HTTP/1.1"))
            {
                rejected++;
            }
        }

        Assert.Equal(3 * LiteralPrefilter.SampleLines / 8, rejected);
    }
}
