using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Outputs;

/// <summary>--textfile for node_exporter's textfile collector: what it holds, judged by promtool, and when it is written.</summary>
public sealed class TextfileTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task One_shot_writes_the_exposition_it_would_print_to_the_file_and_nothing_to_stdout()
    {
        using var temp = new TempDirectory("textfile-one-shot");
        var progs = TestPrograms.Directory(temp, TestPrograms.Requests);
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05", "GET 0.5", "POST 2.5", "not a request"]);
        var collector = temp.Subdirectory("textfile_collector");
        var textfile = Path.Combine(collector, "logmetrics.prom");

        var printed = await LogMetricsCli.RunAsync("run", "--progs", progs, "--logs", log, "--one-shot");
        var written = await LogMetricsCli.RunAsync("run", "--progs", progs, "--logs", log, "--one-shot", "--textfile", textfile);
        output.WriteLine(written.ToString());

        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("", written.Stdout);
        Assert.Equal(printed.Stdout, File.ReadAllText(textfile));
        Assert.Contains("requests_total{method=\"GET\",prog=\"requests.rules\"} 2\n", printed.Stdout, StringComparison.Ordinal);
        Assert.Equal([textfile], Directory.GetFiles(collector));
        await AssertPromtoolAcceptsAsync(textfile);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_shot_reports_a_textfile_it_cannot_write_and_fails()
    {
        using var temp = new TempDirectory("textfile-unwritable");
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05"]);

        var result = await LogMetricsCli.RunAsync(
            "run", "--progs", TestPrograms.Directory(temp, TestPrograms.Requests), "--logs", log, "--one-shot", "--textfile", temp["missing/dir/out.prom"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot write --textfile", result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_daemon_rewrites_the_file_every_interval_with_its_self_metrics()
    {
        using var temp = new TempDirectory("textfile-daemon");
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05"]);
        var textfile = temp["logmetrics.prom"];
        await using var daemon = await StartDaemonAsync(temp, log, textfile, "200ms");

        await Poll.UntilAsync("the textfile to count one GET", () => Read(textfile).Contains(Requests("GET", 1)), TimeSpan.FromSeconds(20));
        File.AppendAllLines(log, ["GET 0.5", "POST 2.5"]);
        await Poll.UntilAsync(
            "the textfile to count the new lines",
            () => Read(textfile).Contains(Requests("GET", 2)) && Read(textfile).Contains(Requests("POST", 1)),
            TimeSpan.FromSeconds(20),
            diagnostics: () => Read(textfile));

        var text = Read(textfile);
        Assert.Contains("logmetrics_log_lines_total{", text, StringComparison.Ordinal);
        await AssertPromtoolAcceptsAsync(textfile);
        Assert.True(await daemon.SumAsync("logmetrics_textfile_writes_total") >= 2);
        Assert.Equal(0, await daemon.SumAsync("logmetrics_textfile_write_errors_total"));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_daemon_writes_the_file_once_more_at_exit()
    {
        using var temp = new TempDirectory("textfile-exit");
        var log = temp["access.log"];
        File.WriteAllLines(log, ["GET 0.05"]);
        var textfile = temp["logmetrics.prom"];
        await using var daemon = await StartDaemonAsync(temp, log, textfile, "1h");

        // With an hour's interval, only the first write (at start) and the one at exit happen.
        await Poll.UntilAsync("the first write", () => File.Exists(textfile), TimeSpan.FromSeconds(20));
        File.AppendAllLines(log, ["PUT 0.5", "PUT 0.5"]);
        await Poll.UntilAsync("the daemon to count the PUTs", () => daemon.SumAsync("requests_total"), total => total == 3, TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(Requests("PUT", 2), Read(textfile), StringComparison.Ordinal);

        Assert.Equal(0, await daemon.StopAsync());
        Assert.Contains(Requests("PUT", 2), Read(textfile), StringComparison.Ordinal);
        await AssertPromtoolAcceptsAsync(textfile);
    }

    private static string Requests(string method, int count) => $"requests_total{{method=\"{method}\",prog=\"{TestPrograms.Requests}\"}} {count}\n";

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private Task<LogMetricsDaemon> StartDaemonAsync(TempDirectory temp, string log, string textfile, string interval) =>
        LogMetricsDaemon.StartAsync(
            new DaemonOptions
            {
                Programs = TestPrograms.Directory(temp, TestPrograms.Requests),
                Logs = [log],
                FromStart = true,
                ExtraArguments = ["--textfile", textfile, "--textfile.interval", interval],
            },
            output);

    private async Task AssertPromtoolAcceptsAsync(string textfile)
    {
        var result = await CommandRunner.RunAsync(Tool.Require("promtool"), ["check", "metrics"], stdin: File.ReadAllText(textfile));
        output.WriteLine(result.ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", (result.Stdout + result.Stderr).Trim());
    }
}
