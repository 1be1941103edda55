using LogMetrics.Cli.Daemon;

namespace LogMetrics.Cli.Tests.Daemon;

public sealed class ContentNegotiationTests
{
    [Theory]
    [InlineData(null, "prometheus")]
    [InlineData("", "prometheus")]
    [InlineData("*/*", "prometheus")]
    [InlineData("text/plain;version=0.0.4", "prometheus")]
    [InlineData("application/openmetrics-text", "openmetrics")]
    [InlineData("application/openmetrics-text;version=1.0.0;escaping=allow-utf8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1", "openmetrics")]
    [InlineData("application/openmetrics-text; q=0, text/plain", "prometheus")]
    [InlineData("Application/OpenMetrics-Text ; version=1.0.0", "openmetrics")]
    public void ChoosesTheFormat(string? accept, string expected) =>
        Assert.Equal(expected, ContentNegotiation.ChooseFormat(accept).ToString().ToLowerInvariant());

    [Theory]
    [InlineData(null, false)]
    [InlineData("gzip", true)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("br", false)]
    public void AcceptsGzip(string? header, bool expected) => Assert.Equal(expected, ContentNegotiation.AcceptsGzip(header));
}
