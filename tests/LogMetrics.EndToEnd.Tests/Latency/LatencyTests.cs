using System.Diagnostics;
using System.Globalization;
using System.Text;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Latency;

/// <summary>How long a line appended to a followed file takes to show in /metrics: measured and written down, bounded loosely.</summary>
public sealed class LatencyTests(ITestOutputHelper output)
{
    private const int Samples = 50;
    private const int WarmUp = 5;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    [Fact(Timeout = 120_000)]
    public async Task Appended_line_shows_in_metrics_quickly()
    {
        using var temp = new TempDirectory("latency");
        var log = temp["access.log"];
        await using var writer = new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions { Programs = TestPrograms.Directory(temp, TestPrograms.NginxStatus), Logs = [log] },
            output);

        var latencies = new List<TimeSpan>();
        for (var i = 1; i <= WarmUp + Samples; i++)
        {
            var line = Encoding.ASCII.GetBytes(string.Create(
                CultureInfo.InvariantCulture,
                $"127.0.0.1 - - [{DateTime.UtcNow:dd/MMM/yyyy:HH:mm:ss} +0000] \"GET /r/{i} HTTP/1.1\" 200 3 \"-\" \"latency-test\"\n"));
            var clock = Stopwatch.StartNew();
            await writer.WriteAsync(line);
            await writer.FlushAsync();
            var expected = i;
            await Poll.UntilAsync(
                $"line {i} to show in /metrics",
                () => daemon.SumAsync("http_requests_total"),
                value => value >= expected,
                TimeSpan.FromSeconds(10),
                PollEvery,
                () => daemon.OutputTail);
            if (i > WarmUp)
            {
                latencies.Add(clock.Elapsed);
            }
        }

        var p50 = Percentiles.Of(latencies, 50);
        var p99 = Percentiles.Of(latencies, 99);
        var report = string.Join('\n',
            "line appended to a followed file -> visible in /metrics (polled every 5 ms, --poll-interval 250ms)",
            $"samples: {latencies.Count} (after {WarmUp} warm-up lines)",
            $"p50: {p50.TotalMilliseconds:0.0} ms",
            $"p99: {p99.TotalMilliseconds:0.0} ms",
            $"min: {latencies.Min().TotalMilliseconds:0.0} ms, max: {latencies.Max().TotalMilliseconds:0.0} ms",
            "all (ms): " + string.Join(' ', latencies.Select(l => l.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture))),
            "");
        output.WriteLine(report);
        output.WriteLine($"written to {Artifacts.Write("latency.txt", report)}");
        Assert.Equal(WarmUp + Samples, await daemon.SumAsync("http_requests_total"));
        Assert.True(p99 < TimeSpan.FromSeconds(2), $"p99 {p99.TotalMilliseconds:0} ms is over the 2 s bound");
    }
}
