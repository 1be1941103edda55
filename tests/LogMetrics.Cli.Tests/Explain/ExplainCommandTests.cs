using System.Text.Json;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Explain;

public sealed class ExplainCommandTests
{
    [Fact]
    public async Task TextShowsCapturesStepsAndSeriesForTheChosenLine()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("web.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["explain", program, "--log", log, "--line", "3"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("web.rules on line 3: matched", result.Stdout);
        Assert.Contains("$method ($1) (string) = \"GET\"", result.Stdout);
        Assert.Contains("$size ($2) (int) = \"30\"", result.Stdout);
        Assert.Contains("requests_total[$method]++", result.Stdout);
        // Line 1 also said GET: the value before is 1, so the lines before were run.
        Assert.Contains("requests_total{method=\"GET\"}  1 -> 2", result.Stdout);
        Assert.Contains("last_size_bytes  20 -> 30", result.Stdout);
    }

    [Fact]
    public async Task MissShowsACaretWhereThePatternStopped()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("web.log", "GET /a big\n");
        var result = await LogMetricsCli.RunAsync(["explain", program, "--log", log, "--grep", "big"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        var shown = Array.IndexOf(lines, "    | GET /a big");
        Assert.True(shown > 0, result.Stdout);
        Assert.Equal("    | " + new string(' ', "GET /a ".Length) + "^", lines[shown + 1]);
        Assert.Contains("then `[0-9]+` in (?P<size>...) did not match at column 8", result.Stdout);
        Assert.Contains("series: none changed", result.Stdout);
    }

    [Fact]
    public async Task JsonIsOneObjectPerLineAndProgram()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web.rules", Programs.Web);
        dir.Write("progs/lines.rules", Programs.Lines);
        var log = dir.Write("web.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["explain", dir["progs"], "--log", log, "--grep", "GET", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var objects = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, objects.Count);
        Assert.Equal(["lines.rules", "web.rules", "lines.rules", "web.rules"], objects.Select(o => o.GetProperty("program").GetString()));
        Assert.Equal([1, 1, 3, 3], objects.Select(o => o.GetProperty("line_number").GetInt32()));
        var web = objects[3];
        var size = web.GetProperty("patterns")[0].GetProperty("captures").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "size");
        Assert.Equal("int", size.GetProperty("type").GetString());
        Assert.Equal("30", size.GetProperty("value").GetString());
        var series = web.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("metric").GetString() == "requests_total");
        Assert.Equal("1", series.GetProperty("before").GetString());
        Assert.Equal("2", series.GetProperty("after").GetString());
    }

    [Theory]
    [InlineData("--line", "9", "there is no line 9")]
    [InlineData("--grep", "DELETE", "no line contains 'DELETE'")]
    public async Task NoChosenLineIsAnError(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("web.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["explain", program, "--log", log, option, value]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task BrokenProgramPrintsItsDiagnostics()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("broken.rules", Programs.Broken);
        var log = dir.Write("web.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["explain", program, "--log", log]);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.rules:4:3: error LM2\d{3}", result.Stderr);
    }
}
