using System.Net;
using System.Net.Sockets;
using System.Text;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Sockets;

public sealed class ListenerTests : IAsyncLifetime
{
    private readonly FollowFixture _f = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _f.DisposeAsync().AsTask();

    [Fact]
    public async Task Unix_stream_connections_are_line_buffered_and_flushed_on_close()
    {
        var path = _f.Dir["in.sock"];
        var url = "unix://" + path;
        await _f.StartAsync(FollowFixture.Fast(url));
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
            await socket.SendAsync(Encoding.UTF8.GetBytes("a\npar"));
            _f.WaitForLines(1);
            await socket.SendAsync(Encoding.UTF8.GetBytes("tial\nlast"));
            _f.WaitForLines(2);
        }

        _f.WaitForLines(3);
        Assert.Equal([(url, "a"), (url, "partial"), (url, "last")], _f.Sink.Entries);
    }

    [Fact]
    public async Task Tcp_connections_are_read()
    {
        var port = FreePort.Next(SocketType.Stream, ProtocolType.Tcp);
        var url = $"tcp://127.0.0.1:{port}";
        var tailer = await _f.StartAsync(FollowFixture.Fast(url));
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("x\r\ny\n"));
        }

        _f.WaitForLines(2);
        Assert.Equal([(url, "x"), (url, "y")], _f.Sink.Entries);
        Assert.Equal(5, tailer.Sources.Single().BytesRead);
    }

    [Fact]
    public async Task Each_udp_datagram_is_a_record()
    {
        var port = FreePort.Next(SocketType.Dgram, ProtocolType.Udp);
        var url = $"udp://127.0.0.1:{port}";
        await _f.StartAsync(FollowFixture.Fast(url));
        using var client = new UdpClient();
        client.Connect(IPAddress.Loopback, port);
        await client.SendAsync(Encoding.UTF8.GetBytes("no newline"));
        _f.WaitForLines(1);
        await client.SendAsync(Encoding.UTF8.GetBytes("two\nlines\n"));
        _f.WaitForLines(3);
        Assert.Equal(["no newline", "two", "lines"], _f.Sink.Lines);
        Assert.All(_f.Sink.Entries, e => Assert.Equal(url, e.Source));
    }
}
