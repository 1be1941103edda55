using System.Globalization;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Rotation;

/// <summary>
/// nginx serves traffic, logrotate rotates its access log halfway through, and a real Prometheus scrapes the
/// daemon every second: the count Prometheus ends with is compared with the requests nginx answered.
/// </summary>
public sealed class RotationTests(ITestOutputHelper output)
{
    private const int Requests = 2000;
    private const double PerSecond = 400;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task Create_rotation_with_reopen_signal_loses_no_line()
    {
        using var temp = new TempDirectory("create");
        await using var nginx = await NginxServer.StartAsync(temp.Subdirectory("nginx"), output);
        var run = await StartPipelineAsync(temp, nginx);
        await using var daemon = run.Daemon;
        await using var prometheus = run.Prometheus;

        using var traffic = new TrafficGenerator(nginx.BaseAddress);
        await RotateMidTrafficAsync(traffic, () => Logrotate.RotateAsync(
            temp.Path, nginx.AccessLog, RotationMode.Create, $"kill -USR1 $(cat {nginx.PidFile})", output));

        var rotated = nginx.AccessLog + ".1";
        var lines = await AccessLog.WaitForLinesAsync(traffic.Totals.Answered, nginx.AccessLog, rotated);
        output.WriteLine($"traffic: {traffic.Totals}; lines: {AccessLog.CountLines(rotated)} in access.log.1 + {AccessLog.CountLines(nginx.AccessLog)} in access.log");
        Assert.Empty(traffic.Totals.Failures);
        Assert.Equal(Requests, traffic.Totals.Answered);
        Assert.Equal(traffic.Totals.Answered, lines);
        Assert.True(AccessLog.CountLines(rotated) > 0 && AccessLog.CountLines(nginx.AccessLog) > 0, "both files should hold part of the traffic");

        var counted = await Poll.UntilAsync(
            "Prometheus sum(http_requests_total) to equal the requests nginx answered",
            () => prometheus.QueryScalarAsync("sum(http_requests_total)"),
            value => value == traffic.Totals.Answered,
            Settle,
            TimeSpan.FromMilliseconds(250),
            () => $"daemon says {daemon.SumAsync("http_requests_total").GetAwaiter().GetResult()}\n{daemon.OutputTail}");
        Assert.Equal(traffic.Totals.Answered, counted);

        var byStatus = await prometheus.QueryAsync("sum by (status) (http_requests_total)");
        var expected = traffic.Totals.ByStatus.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => (double)p.Value);
        Assert.Equal(expected, byStatus.ToDictionary(s => s.Labels["status"], s => s.Value));
    }

    [Fact(Timeout = 120_000)]
    public async Task Copytruncate_rotation_loses_at_most_a_few_lines()
    {
        using var temp = new TempDirectory("copytruncate");
        await using var nginx = await NginxServer.StartAsync(temp.Subdirectory("nginx"), output);
        var run = await StartPipelineAsync(temp, nginx);
        await using var daemon = run.Daemon;
        await using var prometheus = run.Prometheus;

        using var traffic = new TrafficGenerator(nginx.BaseAddress);
        await RotateMidTrafficAsync(traffic, () => Logrotate.RotateAsync(
            temp.Path, nginx.AccessLog, RotationMode.CopyTruncate, postrotate: null, output));
        Assert.Empty(traffic.Totals.Failures);
        Assert.Equal(Requests, traffic.Totals.Answered);

        // Lines nginx wrote between logrotate's copy and its truncate are in neither file: that is copytruncate's own
        // loss, which no reader can avoid. So wait on the daemon rather than on the files.
        var answered = traffic.Totals.Answered;
        var tolerance = Math.Max(5, (int)Math.Ceiling(answered * 0.01));
        var daemonCount = await Poll.UntilStableAsync(
            "the daemon's count to come within tolerance and settle",
            () => daemon.SumAsync("http_requests_total"),
            value => value >= answered - tolerance,
            Settle,
            TimeSpan.FromSeconds(1.5),
            () => daemon.OutputTail);
        var counted = await Poll.UntilAsync(
            "Prometheus sum(http_requests_total) to equal the daemon's own count",
            () => prometheus.QueryScalarAsync("sum(http_requests_total)"),
            value => value == daemonCount,
            Settle,
            TimeSpan.FromMilliseconds(250));

        var onDisk = AccessLog.CountLines(nginx.AccessLog, nginx.AccessLog + ".1");
        var difference = answered - (int)counted!.Value;
        var report = string.Join('\n',
            "copytruncate rotation under load",
            $"requests answered by nginx: {answered} ({Requests} at {PerSecond}/s, rotated after {Requests / 2})",
            $"lines in access.log + access.log.1: {onDisk} (lost by copytruncate itself: {answered - onDisk})",
            $"counted by logmetrics (Prometheus sum(http_requests_total)): {counted}",
            $"difference, answered - counted: {difference} ({100.0 * difference / answered:0.###}%)",
            $"allowed: |difference| <= {tolerance}",
            "");
        output.WriteLine(report);
        output.WriteLine($"written to {Artifacts.Write("copytruncate-loss.txt", report)}");
        Assert.InRange(difference, -tolerance, tolerance);
    }

    private async Task<(LogMetricsDaemon Daemon, PrometheusServer Prometheus)> StartPipelineAsync(TempDirectory temp, NginxServer nginx)
    {
        var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions { Programs = TestPrograms.Directory(temp, TestPrograms.NginxStatus), Logs = [nginx.AccessLog] },
            output);
        try
        {
            var prometheus = await PrometheusServer.StartAsync(
                temp.Subdirectory("prometheus"), [PrometheusServer.Job("logmetrics", daemon.Port)], output);
            try
            {
                await prometheus.WaitForTargetUpAsync("logmetrics", Settle);
                return (daemon, prometheus);
            }
            catch
            {
                await prometheus.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs all the traffic in one go and rotates once half of it has been answered.</summary>
    private async Task RotateMidTrafficAsync(TrafficGenerator traffic, Func<Task> rotate)
    {
        var sending = traffic.SendAsync(Requests, PerSecond);
        await Poll.UntilAsync("half of the traffic to be answered", () => traffic.Totals.Answered >= Requests / 2 || sending.IsCompleted, Settle);
        Assert.False(sending.IsCompleted, "the traffic ended before the rotation");
        output.WriteLine($"rotating after {traffic.Totals.Answered} answered requests");
        await rotate();
        output.WriteLine($"rotated; {traffic.Totals.Answered} answered so far");
        await sending;
    }
}
