using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Rotation;

/// <summary>
/// `rm access.log` under a running nginx: nginx keeps its descriptor and writes the next requests into the deleted
/// file until it is told to reopen. Those lines are served traffic and must be counted.
/// </summary>
public sealed class DeletedLogTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task Lines_nginx_writes_into_its_deleted_access_log_are_counted()
    {
        using var temp = new TempDirectory("deleted");
        await using var nginx = await NginxServer.StartAsync(temp.Subdirectory("nginx"), output);
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions { Programs = TestPrograms.Directory(temp, TestPrograms.NginxStatus), Logs = [nginx.AccessLog] },
            output);
        using var traffic = new TrafficGenerator(nginx.BaseAddress);

        await traffic.SendAsync(20, 100);
        await WaitForCountAsync(daemon, traffic.Totals.Answered);

        File.Delete(nginx.AccessLog);
        await Poll.UntilAsync("the daemon to see the deletion", () => daemon.OutputTail.Contains("was deleted", StringComparison.Ordinal), Settle);

        // About one request a second, as the nginx of the report: several polls find the deleted file quiet in between.
        await traffic.SendAsync(4, 1.5);
        Assert.False(File.Exists(nginx.AccessLog), "nginx should still write to the deleted file");
        await WaitForCountAsync(daemon, traffic.Totals.Answered);

        // Reopening (what logrotate's postrotate does) creates a new file, which is followed from its start.
        Posix.Signal(nginx.MasterPid, Posix.SigUsr1);
        await Poll.UntilAsync("nginx to reopen its access log", () => File.Exists(nginx.AccessLog), Settle);
        await traffic.SendAsync(10, 100);
        await WaitForCountAsync(daemon, traffic.Totals.Answered);
        Assert.Empty(traffic.Totals.Failures);
        Assert.Equal(34, traffic.Totals.Answered);
    }

    private static Task<double> WaitForCountAsync(LogMetricsDaemon daemon, int answered) =>
        Poll.UntilAsync(
            $"sum(http_requests_total) to reach {answered}",
            () => daemon.SumAsync("http_requests_total"),
            value => value == answered,
            Settle,
            TimeSpan.FromMilliseconds(100),
            () => daemon.OutputTail);
}
