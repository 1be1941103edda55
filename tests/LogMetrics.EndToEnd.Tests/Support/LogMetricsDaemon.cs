using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>How to start one `logmetrics run` daemon.</summary>
internal sealed record DaemonOptions
{
    public required string Programs { get; init; }

    public required IReadOnlyList<string> Logs { get; init; }

    public string? StateDirectory { get; init; }

    public bool FromStart { get; init; }

    public string? WebConfigFile { get; init; }

    public string PollInterval { get; init; } = "250ms";

    /// <summary>Set when the web config serves TLS: the self-signed certificate the client trusts.</summary>
    public X509Certificate2? TrustedCertificate { get; init; }

    /// <summary>Set when the web config asks for basic auth: what the test client sends.</summary>
    public NetworkCredential? Credentials { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>A native `logmetrics` executable to run instead of the built logmetrics.dll (the container's build).</summary>
    public string? Executable { get; init; }
}

/// <summary>A `logmetrics run` daemon in its own process, on a free loopback port, with a client to scrape it.</summary>
internal sealed class LogMetricsDaemon : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly ITestOutputHelper? _output;

    private LogMetricsDaemon(ChildProcess process, int port, DaemonOptions options, ITestOutputHelper? output)
    {
        _process = process;
        _output = output;
        Port = port;
        var scheme = options.TrustedCertificate is null ? "http" : "https";
        BaseAddress = new Uri($"{scheme}://127.0.0.1:{port}/");
        Http = CreateClient(BaseAddress, options.TrustedCertificate, options.Credentials);
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client that trusts the daemon's certificate and sends its credentials, if it has any.</summary>
    public HttpClient Http { get; }

    public ChildProcess Process => _process;

    public string OutputTail => _process.Output.Tail();

    public static async Task<LogMetricsDaemon> StartAsync(DaemonOptions options, ITestOutputHelper? output = null, TimeSpan? readyTimeout = null)
    {
        var port = FreePort.Next();
        var arguments = new List<string> { "run", "--progs", options.Programs };
        foreach (var log in options.Logs)
        {
            arguments.AddRange(["--logs", log]);
        }

        arguments.AddRange(["--listen", $"127.0.0.1:{port}", "--poll-interval", options.PollInterval]);
        if (options.FromStart)
        {
            arguments.Add("--from-start");
        }

        if (options.StateDirectory is not null)
        {
            arguments.AddRange(["--state-dir", options.StateDirectory]);
        }

        if (options.WebConfigFile is not null)
        {
            arguments.AddRange(["--web.config.file", options.WebConfigFile]);
        }

        arguments.AddRange(options.ExtraArguments);
        var process = options.Executable is null
            ? ChildProcess.Start("logmetrics", LogMetricsCli.DotnetHost, LogMetricsCli.Arguments(arguments))
            : ChildProcess.Start("logmetrics", options.Executable, arguments);
        var daemon = new LogMetricsDaemon(process, port, options, output);
        output?.WriteLine($"started logmetrics pid {process.Id}: {string.Join(' ', arguments)}");
        try
        {
            await daemon.WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(30));
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }

        return daemon;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        await Poll.UntilAsync(
            "logmetrics /-/ready to answer 200",
            async () =>
            {
                ThrowIfExited();
                using var response = await Http.GetAsync("-/ready");
                return response.StatusCode == HttpStatusCode.OK;
            },
            timeout,
            TimeSpan.FromMilliseconds(50),
            () => OutputTail);
        _output?.WriteLine($"logmetrics ready after {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
    }

    public async Task<string> ScrapeAsync(string? accept = null)
    {
        ThrowIfExited();
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /metrics answered {(int)response.StatusCode}: {body}");
        }

        return body;
    }

    public async Task<IReadOnlyList<Sample>> ScrapeSamplesAsync() => ExpositionParser.Parse(await ScrapeAsync());

    /// <summary>The sum of every series of one metric (0 when it has none yet).</summary>
    public async Task<double> SumAsync(string metric) => ExpositionParser.Sum(await ScrapeSamplesAsync(), metric);

    /// <summary>Sends SIGTERM and returns the exit code; the contract says it exits within 5 s.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        _process.Signal(Posix.SigTerm);
        return await _process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new PollAbortedException($"logmetrics exited with {_process.ExitCode}. Output:\n{OutputTail}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        if (_output is not null)
        {
            var tail = _process.Output.Tail(4 * 1024);
            _output.WriteLine($"--- logmetrics pid {_process.Id} output (tail) ---\n{tail}");
        }
    }

    private static HttpClient CreateClient(Uri baseAddress, X509Certificate2? trusted, NetworkCredential? credentials)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
        if (trusted is not null)
        {
            handler.SslOptions.CertificateChainPolicy = TrustOnly(trusted);
        }

        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        if (credentials is not null)
        {
            client.DefaultRequestHeaders.Authorization = BasicAuth(credentials);
        }

        return client;
    }

    /// <summary>A chain policy that trusts exactly one self-signed certificate, hostname checks included.</summary>
    public static X509ChainPolicy TrustOnly(X509Certificate2 certificate)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(certificate);
        return policy;
    }

    public static AuthenticationHeaderValue BasicAuth(NetworkCredential credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}")));

    public override string ToString() => $"logmetrics pid {_process.Id} on {BaseAddress}";
}
