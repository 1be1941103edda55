using LogMetrics.Cli.Commands;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class DurationTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1s", 1000)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:02", 2000)]
    public void Parses(string text, double milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(milliseconds, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1s")]
    public void Rejects(string text) => Assert.False(Duration.TryParse(text, out _));
}
