using LogMetrics.Cli.Daemon;

namespace LogMetrics.Cli.Tests.Daemon;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("0.0.0.0:3903", "0.0.0.0:3903", false)]
    [InlineData("127.0.0.1:9144", "127.0.0.1:9144", false)]
    [InlineData("[::]:3903", "[::]:3903", false)]
    [InlineData(":3903", "0.0.0.0:3903", false)]
    [InlineData("localhost:80", "127.0.0.1:80", true)]
    public void Parses(string text, string endpoint, bool localhost)
    {
        Assert.True(ListenAddress.TryParse(text, out var parsed, out var isLocalhost));
        Assert.Equal(endpoint, parsed!.ToString());
        Assert.Equal(localhost, isLocalhost);
    }

    [Theory]
    [InlineData("3903")]
    [InlineData("host:abc")]
    [InlineData("example.com:80")]
    [InlineData("1.2.3.4:70000")]
    public void Rejects(string text) => Assert.False(ListenAddress.TryParse(text, out _, out _));
}
