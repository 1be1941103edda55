using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>How to start Prometheus beyond its scrape jobs.</summary>
internal sealed record PrometheusOptions
{
    /// <summary>A port to reuse (a restart); a free one when null.</summary>
    public int? Port { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Set when --web.config.file serves TLS: the certificate the test client trusts.</summary>
    public X509Certificate2? TrustedCertificate { get; init; }

    /// <summary>Set when --web.config.file asks for basic auth.</summary>
    public NetworkCredential? Credentials { get; init; }
}

/// <summary>A real Prometheus server scraping one job every second, queried through its HTTP API.</summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly ITestOutputHelper? _output;
    private readonly HttpClient _client;

    private PrometheusServer(ChildProcess process, int port, PrometheusOptions options, ITestOutputHelper? output)
    {
        _process = process;
        _output = output;
        Port = port;
        BaseAddress = new Uri($"{(options.TrustedCertificate is null ? "http" : "https")}://127.0.0.1:{port}/");
        var handler = new SocketsHttpHandler();
        if (options.TrustedCertificate is not null)
        {
            handler.SslOptions.CertificateChainPolicy = LogMetricsDaemon.TrustOnly(options.TrustedCertificate);
        }

        _client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        if (options.Credentials is not null)
        {
            _client.DefaultRequestHeaders.Authorization = LogMetricsDaemon.BasicAuth(options.Credentials);
        }
    }

    public Uri BaseAddress { get; }

    public int Port { get; }

    /// <summary>Where a remote_write client sends (started with --web.enable-remote-write-receiver).</summary>
    public Uri RemoteWriteUrl => new(BaseAddress, "api/v1/write");

    public string OutputTail => _process.Output.Tail();

    /// <summary>One scrape job for <see cref="StartAsync"/>: <paramref name="settings"/> are extra keys such as scheme or basic_auth.</summary>
    public static string Job(string name, int port, params string[] settings)
    {
        var lines = new List<string> { $"  - job_name: {name}", $"    static_configs:", $"      - targets: ['127.0.0.1:{port}']" };
        lines.AddRange(settings.SelectMany(s => s.Split('\n')).Select(s => "    " + s));
        return string.Join('\n', lines);
    }

    /// <summary>Starts Prometheus scraping every second the jobs made by <see cref="Job"/>.</summary>
    public static Task<PrometheusServer> StartAsync(string directory, IEnumerable<string> jobs, ITestOutputHelper? output = null) =>
        StartAsync(directory, jobs, new PrometheusOptions(), output);

    /// <summary>Starts Prometheus with its data in <paramref name="directory"/>/data, so a second start on the same
    /// directory and port is a restart that keeps what was stored.</summary>
    public static async Task<PrometheusServer> StartAsync(string directory, IEnumerable<string> jobs, PrometheusOptions options, ITestOutputHelper? output = null)
    {
        var prometheus = Tool.Require("prometheus");
        var port = options.Port ?? FreePort.Next();
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, string.Join('\n', new[] { "global:", "  scrape_interval: 1s", "  scrape_timeout: 1s", "scrape_configs:" }.Concat(jobs)) + "\n");
        var process = ChildProcess.Start(
            "prometheus",
            prometheus,
            [
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
                .. options.ExtraArguments,
            ],
            directory);
        var server = new PrometheusServer(process, port, options, output);
        try
        {
            await Poll.UntilAsync(
                "Prometheus /-/ready to answer 200",
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new PollAbortedException($"prometheus exited with {process.ExitCode}: {process.Output.Tail()}");
                    }

                    using var response = await server._client.GetAsync("-/ready");
                    return response.StatusCode == HttpStatusCode.OK;
                },
                TimeSpan.FromSeconds(30),
                TimeSpan.FromMilliseconds(100),
                () => process.Output.Tail());
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        output?.WriteLine($"prometheus pid {process.Id} on {server.BaseAddress}, config:\n{File.ReadAllText(config)}");
        return server;
    }

    /// <summary>The instant vector of <paramref name="promql"/> now: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql, DateTimeOffset? at = null)
    {
        var time = at is null ? "" : "&time=" + (at.Value.ToUnixTimeMilliseconds() / 1000d).ToString("0.000", CultureInfo.InvariantCulture);
        using var response = await _client.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql) + time);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"query {promql} answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        var result = new List<(IReadOnlyDictionary<string, string>, double)>();
        foreach (var series in data.GetProperty("result").EnumerateArray())
        {
            var labels = series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            var value = double.Parse(series.GetProperty("value")[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            result.Add((labels, value));
        }

        return result;
    }

    /// <summary>The value of a query that yields at most one series, or null when it yields none.</summary>
    public async Task<double?> QueryScalarAsync(string promql, DateTimeOffset? at = null)
    {
        var result = await QueryAsync(promql, at);
        return result.Count switch
        {
            0 => null,
            1 => result[0].Value,
            _ => throw new InvalidOperationException($"{promql} gave {result.Count} series"),
        };
    }

    /// <summary>The last scrape's state of each target, for failure messages.</summary>
    public async Task<string> TargetsAsync()
    {
        try
        {
            return await _client.GetStringAsync("api/v1/targets");
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    /// <summary>Waits until Prometheus has scraped the job successfully.</summary>
    public Task WaitForTargetUpAsync(string job, TimeSpan timeout) =>
        Poll.UntilAsync(
            $"Prometheus to scrape job {job} with up == 1",
            () => QueryScalarAsync($"up{{job=\"{job}\"}}"),
            up => up == 1,
            timeout,
            TimeSpan.FromMilliseconds(200),
            () => TargetsAsync().GetAwaiter().GetResult() + "\n" + OutputTail);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _process.DisposeAsync();
        _output?.WriteLine($"--- prometheus output (tail) ---\n{_process.Output.Tail(2048)}");
    }
}
