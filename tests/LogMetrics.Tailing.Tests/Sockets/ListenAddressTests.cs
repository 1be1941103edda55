using LogMetrics.Tailing;
using LogMetrics.Tailing.Sockets;

namespace LogMetrics.Tailing.Tests.Sockets;

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

    [Theory]
    [InlineData("tcp://127.0.0.1:514", "127.0.0.1:514")]
    [InlineData("udp://:514", "0.0.0.0:514")]
    [InlineData("tcp://localhost:514", "127.0.0.1:514")]
    [InlineData("unix:///run/log.sock", "/run/log.sock")]
    public void Parses_socket_sources(string source, string endpoint) =>
        Assert.Equal(endpoint, ListenAddress.Parse(SourceSpec.Parse(source, "/")).ToString());

    [Theory]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("udp://host:70000")]
    public void Rejects_socket_sources_without_a_port(string source) =>
        Assert.Throws<FormatException>(() => ListenAddress.Parse(SourceSpec.Parse(source, "/")));
}
