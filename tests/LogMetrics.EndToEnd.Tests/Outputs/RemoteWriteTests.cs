using System.Net;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Outputs;

/// <summary>
/// --remote-write.url against the real receiver in Debian's Prometheus (--web.enable-remote-write-receiver), checked
/// through Prometheus' query API: the series and values sent, after a 30 s outage, a refused URL, TLS and basic auth.
/// </summary>
public sealed class RemoteWriteTests(ITestOutputHelper output)
{
    private static readonly PrometheusOptions Receiver = new() { ExtraArguments = ["--web.enable-remote-write-receiver"] };

    [Fact(Timeout = 180_000)]
    public async Task Prometheus_stores_the_series_and_values_sent_and_what_was_queued_while_it_was_down_for_30_s()
    {
        using var temp = new TempDirectory("remote-write");
        var data = temp.Subdirectory("prometheus");
        var prometheus = await PrometheusServer.StartAsync(data, [], Receiver, output);
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05", "GET 0.5", "POST 2.5"]);
        await using var daemon = await StartDaemonAsync(temp, log, prometheus.RemoteWriteUrl, ["--remote-write.external-label", "cluster=e2e"]);
        try
        {
            await Poll.UntilAsync(
                "Prometheus to hold requests_total from remote write",
                () => prometheus.QueryAsync("requests_total"),
                series => series.Count == 2 && series.Sum(s => s.Value) == 3,
                TimeSpan.FromSeconds(30),
                TimeSpan.FromMilliseconds(250),
                () => daemon.OutputTail);

            // Every sample the daemon's exposition has for the program is in Prometheus, with the same labels and value.
            var scraped = (await daemon.ScrapeSamplesAsync()).Where(s => s.Label("prog") == TestPrograms.Requests).ToList();
            Assert.Equal(2 + 2 * (3 + 2), scraped.Count);
            foreach (var sample in scraped)
            {
                var selector = sample.Name + "{" + string.Join(",", sample.Labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + ",cluster=\"e2e\"}";
                var stored = await prometheus.QueryScalarAsync(selector);
                Assert.True(stored.HasValue, $"Prometheus has no {selector}");
                Assert.Equal(sample.Value, stored.Value, 9);
            }

            Assert.Equal(2, await prometheus.QueryScalarAsync("request_seconds_bucket{method=\"GET\",le=\"1\"}"));
            Assert.Equal(0.55, (await prometheus.QueryScalarAsync("request_seconds_sum{method=\"GET\"}"))!.Value, 9);
            Assert.Equal(1, await prometheus.QueryScalarAsync("request_seconds_count{method=\"POST\"}"));
        }
        finally
        {
            await prometheus.DisposeAsync();
        }

        // The receiver is down: new lines are counted and their samples queue up, retried with backoff.
        var stoppedAt = DateTimeOffset.UtcNow;
        File.AppendAllLines(log, ["PUT 0.2", "PUT 0.2", "PUT 0.2", "PUT 0.2", "PUT 0.2"]);
        await Poll.UntilAsync("the daemon to count the new lines", () => daemon.SumAsync("requests_total"), total => total == 8, TimeSpan.FromSeconds(20));
        await Poll.UntilAsync(
            "30 s of outage with samples queued and retries",
            async () => DateTimeOffset.UtcNow - stoppedAt >= TimeSpan.FromSeconds(30)
                && await daemon.SumAsync("logmetrics_remote_write_queue_samples") > 0
                && await daemon.SumAsync("logmetrics_remote_write_retries_total") > 0,
            TimeSpan.FromSeconds(45),
            TimeSpan.FromMilliseconds(500),
            () => daemon.OutputTail);

        await using var restarted = await PrometheusServer.StartAsync(data, [], Receiver with { Port = prometheus.Port }, output);
        await Poll.UntilAsync(
            "the queue to drain into the restarted Prometheus",
            async () => await daemon.SumAsync("logmetrics_remote_write_queue_samples") == 0
                && await restarted.QueryScalarAsync("requests_total{method=\"PUT\"}") == 5,
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(250),
            () => daemon.OutputTail);

        // Samples taken while Prometheus was down arrived with their own timestamps: the value 15 s into the outage.
        Assert.Equal(5, await restarted.QueryScalarAsync("requests_total{method=\"PUT\",cluster=\"e2e\"}", stoppedAt.AddSeconds(15)));
        Assert.Equal(3, await restarted.QueryScalarAsync("sum(requests_total{method!=\"PUT\"})", stoppedAt.AddSeconds(15)));
        var samples = await daemon.ScrapeSamplesAsync();
        Assert.Equal(0, ExpositionParser.Sum(samples, "logmetrics_remote_write_samples_dropped_total"));
        Assert.Equal(0, ExpositionParser.Sum(samples, "logmetrics_remote_write_samples_failed_total"));
        Assert.True(ExpositionParser.Sum(samples, "logmetrics_remote_write_samples_sent_total") > 0);
        Assert.True(ExpositionParser.Sum(samples, "logmetrics_remote_write_last_success_timestamp_seconds") > stoppedAt.AddSeconds(30).ToUnixTimeSeconds());
        Assert.Contains("works again", daemon.OutputTail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_request_refused_with_a_4xx_is_dropped_and_counted_as_failed_not_retried()
    {
        using var temp = new TempDirectory("remote-write-4xx");
        await using var prometheus = await PrometheusServer.StartAsync(temp.Subdirectory("prometheus"), [], Receiver, output);
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05"]);
        await using var daemon = await StartDaemonAsync(temp, log, new Uri(prometheus.BaseAddress, "api/v1/no-such-endpoint"), []);

        await Poll.UntilAsync(
            "a refused request counted as failed",
            () => daemon.SumAsync("logmetrics_remote_write_samples_failed_total"),
            failed => failed > 0,
            TimeSpan.FromSeconds(30),
            diagnostics: () => daemon.OutputTail);
        var samples = await daemon.ScrapeSamplesAsync();
        Assert.Equal(0, ExpositionParser.Sum(samples, "logmetrics_remote_write_retries_total"));
        Assert.Equal(0, ExpositionParser.Sum(samples, "logmetrics_remote_write_samples_sent_total"));
        Assert.Contains("HTTP 404", daemon.OutputTail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Sends_over_tls_with_basic_auth_to_a_receiver_that_requires_both()
    {
        const string user = "writer";
        const string password = "push-secret";
        using var temp = new TempDirectory("remote-write-tls");
        var tls = await TestCertificate.CreateAsync(temp.Path, "receiver");
        var webConfig = temp["web-config.yml"];
        File.WriteAllText(webConfig, $"""
            tls_server_config:
              cert_file: {tls.CertificateFile}
              key_file: {tls.KeyFile}
            basic_auth_users:
              {user}: {await Bcrypt.HashAsync(password)}

            """);
        var passwordFile = temp["password"];
        File.WriteAllText(passwordFile, password + "\n");
        await using var prometheus = await PrometheusServer.StartAsync(
            temp.Subdirectory("prometheus"),
            [],
            Receiver with
            {
                ExtraArguments = [.. Receiver.ExtraArguments, $"--web.config.file={webConfig}"],
                TrustedCertificate = tls.Certificate,
                Credentials = new NetworkCredential(user, password),
            },
            output);
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05", "DELETE 0.05"]);
        await using var daemon = await StartDaemonAsync(
            temp,
            log,
            prometheus.RemoteWriteUrl,
            ["--remote-write.tls.ca-file", tls.CertificateFile, "--remote-write.basic-auth.username", user, "--remote-write.basic-auth.password-file", passwordFile]);

        Assert.Equal("https", prometheus.RemoteWriteUrl.Scheme);
        await Poll.UntilAsync(
            "Prometheus (TLS, basic auth) to hold requests_total",
            () => prometheus.QueryScalarAsync("requests_total{method=\"DELETE\"}"),
            value => value == 1,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(250),
            () => daemon.OutputTail);
        Assert.Equal(0, await daemon.SumAsync("logmetrics_remote_write_samples_failed_total"));
    }

    private Task<LogMetricsDaemon> StartDaemonAsync(TempDirectory temp, string log, Uri url, IReadOnlyList<string> extra) =>
        LogMetricsDaemon.StartAsync(
            new DaemonOptions
            {
                Programs = TestPrograms.Directory(temp, TestPrograms.Requests),
                Logs = [log],
                FromStart = true,
                ExtraArguments = ["--remote-write.url", url.ToString(), "--remote-write.interval", "500ms", "--remote-write.max-backoff", "1s", .. extra],
            },
            output);
}
