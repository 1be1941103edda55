using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Restart;

/// <summary>
/// The daemon with --multiline and --state-dir is stopped with SIGTERM while a stack trace is half written, and a
/// second daemon on the same state reads the trace again from its start: every exception is counted once, whole.
/// </summary>
public sealed class MultilineRestartTests(ITestOutputHelper output)
{
    private const string Program = """
        counter records_total
        counter exceptions_total by class

        /^/ {
          records_total++
        }

        /(?s)^\S+ \S+ ERROR .*?\n(?P<class>[A-Za-z0-9_.$]+(?:Exception|Error))\b.*\n\s+at / {
          exceptions_total[$class]++
        }
        """;

    [Fact(Timeout = 120_000)]
    public async Task A_record_held_at_shutdown_is_read_again_whole_after_the_restart()
    {
        using var temp = new TempDirectory("multiline-restart");
        var progs = temp.Subdirectory("progs");
        File.WriteAllText(Path.Combine(progs, "java.rules"), Program);
        var log = temp["app.log"];
        File.WriteAllText(log, "");
        var options = new DaemonOptions
        {
            Programs = progs,
            Logs = [log],
            StateDirectory = temp.Subdirectory("state"),
            ExtraArguments = ["--multiline", log + @"=start:/^\d{4}-\d{2}-\d{2} /,timeout=1h"],
        };

        await using (var first = await LogMetricsDaemon.StartAsync(options, output))
        {
            File.AppendAllText(log, """
                2024-05-01 12:00:00 ERROR request failed
                java.lang.IllegalStateException: boom
                    at com.example.Service.run(Service.java:42)
                2024-05-01 12:00:01 ERROR again
                java.lang.IllegalArgumentException: bad

                """);
            // A scrape may fall between the two statements run for one record, so wait on the later one.
            await WaitForAsync(first, "exceptions_total", 1);
            Assert.Equal(1, await first.SumAsync("records_total"));
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(15)));
        }

        // The second trace goes on while no daemon runs; it was held, not counted, at the stop.
        File.AppendAllText(log, """
                at com.example.Parser.parse(Parser.java:7)
            2024-05-01 12:00:02 INFO fine

            """);
        await using var second = await LogMetricsDaemon.StartAsync(options, output);
        await WaitForAsync(second, "exceptions_total", 1);
        Assert.Equal(1, await second.SumAsync("records_total"));
        var samples = await second.ScrapeSamplesAsync();
        var exception = Assert.Single(samples, s => s.Name == "exceptions_total");
        Assert.Equal("java.lang.IllegalArgumentException", exception.Label("class"));
        Assert.Equal(1, exception.Value);
    }

    private static Task<double> WaitForAsync(LogMetricsDaemon daemon, string metric, double value) =>
        Poll.UntilAsync(
            $"{metric} to reach {value}",
            () => daemon.SumAsync(metric),
            v => v == value,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100),
            () => daemon.OutputTail);
}
