using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class TestCommandTests
{
    [Fact]
    public async Task UpdateWritesTheExpectedFileThenTheTestPasses()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("sample.log", Programs.WebLog);
        var expected = dir["expected.prom"];

        var update = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected, "--update"]);
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal(2, ExpositionParser.Value(File.ReadAllText(expected), "requests_total", ("method", "GET")));

        var pass = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected]);
        Assert.True(pass.ExitCode == 0, pass.ToString());
    }

    [Fact]
    public async Task CommentsAndBlankLinesAreIgnored()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("sample.log", Programs.WebLog);
        var expected = dir["expected.prom"];
        Assert.Equal(0, (await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected, "--update"])).ExitCode);
        var samples = File.ReadAllLines(expected).Where(l => !l.StartsWith('#'));
        File.WriteAllText(expected, "# a comment written by hand\n\n" + string.Join("\n\n", samples) + "\n");

        var result = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task DifferenceIsPrintedAsUnifiedDiffAndExitsOne()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("sample.log", Programs.WebLog);
        var expected = dir["expected.prom"];
        Assert.Equal(0, (await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected, "--update"])).ExitCode);
        var text = File.ReadAllText(expected);
        var getLine = text.Split('\n').Single(l => l.StartsWith("requests_total{") && l.Contains("GET"));
        File.WriteAllText(expected, text.Replace(getLine, getLine[..getLine.LastIndexOf(' ')] + " 5"));

        var result = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected]);
        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("--- ", lines[0]);
        Assert.StartsWith("+++ ", lines[1]);
        Assert.Contains("-" + getLine[..getLine.LastIndexOf(' ')] + " 5", lines);
        Assert.Contains("+" + getLine, lines);
    }

    [Fact]
    public async Task MissingExpectedFileFails()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("sample.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", dir["missing.prom"]]);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Update_does_not_write_a_file_cut_by_the_series_limit()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var expected = dir["expected.prom"];
        var result = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected, "--update", "--max-series-per-metric", "1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("warning: metric 'requests_total' (web.rules) reached --max-series-per-metric 1", result.Stderr);
        Assert.Contains(expected + ": error: not updated", result.Stderr);
        Assert.False(File.Exists(expected));
    }

    [Fact]
    public async Task An_unreadable_sample_log_is_an_error_as_in_run()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        WithoutReadOverride.Lock(log);
        Assert.True(await WithoutReadOverride.IsRefusedAsync(log), "the premise: a mode 000 file cannot be read");

        var result = await WithoutReadOverride.RunAsync(["test", program, "--log", log, "--expect", dir["expected.prom"], "--update"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(log + ": error:", result.Stderr);
        Assert.False(File.Exists(dir["expected.prom"]));
    }
}
