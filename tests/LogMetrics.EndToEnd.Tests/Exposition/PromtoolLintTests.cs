using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Exposition;

/// <summary>What the daemon serves after real nginx traffic, judged by Prometheus' own tools.</summary>
public sealed class PromtoolLintTests(TrafficRun run, ITestOutputHelper output) : IClassFixture<TrafficRun>
{
    [Fact(Timeout = 120_000)]
    public async Task Promtool_check_metrics_finds_nothing_in_a_scrape()
    {
        var text = await run.Daemon.ScrapeAsync("text/plain;version=0.0.4");
        output.WriteLine(text.Length > 4000 ? text[..4000] : text);

        var promtool = Tool.Require("promtool");
        var result = await CommandRunner.RunAsync(promtool, ["check", "metrics"], stdin: text);
        output.WriteLine(result.ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", (result.Stdout + result.Stderr).Trim());
    }

    [Fact(Timeout = 120_000)]
    public async Task Scrape_labels_program_metrics_with_prog_and_has_self_metrics()
    {
        var samples = await run.Daemon.ScrapeSamplesAsync();

        var requests = samples.Where(s => s.Name == "http_requests_total").ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, s => Assert.Equal(TestPrograms.NginxStatus, s.Label("prog")));
        Assert.Equal(run.Traffic.Totals.Answered, requests.Sum(s => s.Value));
        Assert.Contains(samples, s => s.Name.StartsWith("logmetrics_", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task OpenMetrics_is_served_when_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Accept.ParseAdd("application/openmetrics-text;version=1.0.0");
        using var response = await run.Daemon.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/openmetrics-text", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_requests counter", body, StringComparison.Ordinal);
    }
}

/// <summary>nginx, a daemon running the test program and the repository's nginx program, and some traffic, all counted.</summary>
public sealed class TrafficRun : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("exposition");
    private NginxServer? _nginx;
    private LogMetricsDaemon? _daemon;
    private TrafficGenerator? _traffic;

    internal LogMetricsDaemon Daemon => _daemon ?? throw new InvalidOperationException("not started");

    internal TrafficGenerator Traffic => _traffic ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _nginx = await NginxServer.StartAsync(_temp.Subdirectory("nginx"));
        var progs = TestPrograms.Directory(_temp, TestPrograms.NginxStatus);
        File.Copy(Repository.PathOf("programs/nginx/nginx.rules"), Path.Combine(progs, "nginx.rules"));
        _daemon = await LogMetricsDaemon.StartAsync(new DaemonOptions { Programs = progs, Logs = [_nginx.AccessLog] });
        _traffic = new TrafficGenerator(_nginx.BaseAddress);
        await _traffic.SendAsync(200, 500);
        await AccessLog.WaitForLinesAsync(_traffic.Totals.Answered, _nginx.AccessLog);
        await Poll.UntilAsync(
            "the daemon to count the traffic",
            () => _daemon.SumAsync("http_requests_total"),
            value => value >= _traffic.Totals.Answered,
            TimeSpan.FromSeconds(30),
            diagnostics: () => _daemon.OutputTail);
    }

    public async Task DisposeAsync()
    {
        _traffic?.Dispose();
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }

        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        _temp.Dispose();
    }
}
