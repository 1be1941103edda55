using System.Net;
using LogMetrics.Cli.Outputs.RemoteWrite;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Outputs.RemoteWrite;

/// <summary>What the client sends and how it reads the answer, against an HttpListener on loopback that answers as told.
/// (The real receiver, Prometheus, is driven by the end-to-end tests; it has no bearer tokens nor chosen status codes.)</summary>
public sealed class RemoteWriteClientTests
{
    [Theory]
    [InlineData(200, "sent")]
    [InlineData(204, "sent")]
    [InlineData(400, "drop")]
    [InlineData(401, "drop")]
    [InlineData(404, "drop")]
    [InlineData(413, "drop")]
    [InlineData(429, "retry")]
    [InlineData(500, "retry")]
    [InlineData(503, "retry")]
    public async Task The_status_decides_between_sent_retry_and_drop(int status, string expected)
    {
        var outcome = Enum.Parse<SendOutcome>(expected, ignoreCase: true);
        using var receiver = new Receiver();
        using var client = RemoteWriteClient.Create(receiver.Url, new RemoteWriteSettings { Urls = [receiver.Url] });

        var sending = client.SendAsync(new RemoteWriteBatch([1, 2, 3], 3, 1), CancellationToken.None);
        var request = await receiver.AnswerAsync(status);
        var (result, error) = await sending;

        Assert.Equal(outcome, result);
        Assert.Equal(outcome == SendOutcome.Sent, error is null);
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("snappy", request.Headers["Content-Encoding"]);
        Assert.Equal("application/x-protobuf", request.ContentType);
        Assert.Equal("0.1.0", request.Headers["X-Prometheus-Remote-Write-Version"]);
        Assert.StartsWith("logmetrics/", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_token_file_is_read_for_every_request()
    {
        using var dir = new TempDirectory();
        var token = dir.Write("token", "first-token\n");
        using var receiver = new Receiver();
        using var client = RemoteWriteClient.Create(receiver.Url, new RemoteWriteSettings { Urls = [receiver.Url], BearerTokenFile = token });

        var sending = client.SendAsync(new RemoteWriteBatch([1], 1, 1), CancellationToken.None);
        Assert.Equal("Bearer first-token", (await receiver.AnswerAsync(204)).Headers["Authorization"]);
        await sending;

        File.WriteAllText(token, "rotated-token");
        sending = client.SendAsync(new RemoteWriteBatch([1], 1, 2), CancellationToken.None);
        Assert.Equal("Bearer rotated-token", (await receiver.AnswerAsync(204)).Headers["Authorization"]);
        await sending;
    }

    [Fact]
    public async Task No_receiver_is_a_retry_with_the_reason()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/api/v1/write");
        using var client = RemoteWriteClient.Create(url, new RemoteWriteSettings { Urls = [url] });

        var (outcome, error) = await client.SendAsync(new RemoteWriteBatch([1], 1, 1), CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, outcome);
        Assert.Contains("refused", error, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Answers one request at a time with the status the test gives.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Receiver()
        {
            var port = FreePort.Next();
            Url = new Uri($"http://127.0.0.1:{port}/api/v1/write");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
        }

        public Uri Url { get; }

        public async Task<HttpListenerRequest> AnswerAsync(int status)
        {
            var context = await _listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(10));
            context.Response.StatusCode = status;
            context.Response.Close();
            return context.Request;
        }

        public void Dispose() => _listener.Close();
    }
}
