using System.Text.Json;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class OneShotTests
{
    [Fact]
    public async Task PrintsProgramMetricsAsPrometheusText()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web.rules", Programs.Web);
        var log = dir.Write("logs/access.log", Programs.WebLog);
        var result = await CliRunner.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, Exposition.Value(result.Stdout, "requests_total", ("method", "GET"), ("prog", "web.rules")));
        Assert.Equal(1, Exposition.Value(result.Stdout, "requests_total", ("method", "POST")));
        Assert.Equal(30, Exposition.Value(result.Stdout, "last_size_bytes"));
        Assert.DoesNotContain("logmetrics_", result.Stdout);
    }

    [Fact]
    public async Task ReadsEveryLogOfRepeatedAndGlobbedLogs()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        dir.Write("a/1.log", "x\ny\n");
        dir.Write("a/2.log", "z\n");
        var other = dir.Write("b.log", "w\n");
        var result = await CliRunner.RunAsync(["run", "--progs", program, "--logs", dir["a"] + "/*.log", "--logs", other, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, Exposition.Value(result.Stdout, "lines_total"));
    }

    [Fact]
    public async Task EmitProgLabelFalseLeavesTheLabelOut()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var result = await CliRunner.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--emit-prog-label", "false"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("prog=", result.Stdout);
    }

    [Fact]
    public async Task JsonFormatIsJson()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var result = await CliRunner.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains("requests_total", result.Stdout);
    }

    [Fact]
    public async Task OpenMetricsFormatEndsWithEof()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var result = await CliRunner.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--format", "openmetrics"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("# EOF\n", result.Stdout);
    }

    [Fact]
    public async Task AnyCompileErrorExitsOneAndPrintsNoMetrics()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        dir.Write("progs/broken.rules", Programs.Broken);
        var result = await CliRunner.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"broken\.rules:\d+:\d+: error LM\d{4}", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("--log-format", "docker")]
    [InlineData("--input-format", "docker")]
    public async Task DecodesDockerJsonFileLogs(string flag, string value)
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web.rules", Programs.Web);
        var log = dir.Write("container.log",
            "{\"log\":\"GET /a 10\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-22T03:00:00.000000001Z\"}\n" +
            "{\"log\":\"POST /b 20\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-22T03:00:01.000000001Z\"}\n");
        var result = await CliRunner.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot", flag, value]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, Exposition.Value(result.Stdout, "requests_total", ("method", "GET")));
        Assert.Equal(1, Exposition.Value(result.Stdout, "requests_total", ("method", "POST")));
    }

    [Fact]
    public async Task DecodesCriLogsJoiningPartialLines()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web.rules", Programs.Web);
        var log = dir.Write("pod.log",
            "2026-11-22T03:00:00.1Z stdout P GET /a\n" +
            "2026-11-22T03:00:00.2Z stdout F  10\n" +
            "2026-11-22T03:00:01.0Z stdout F POST /b 20\n");
        var result = await CliRunner.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot", "--log-format", "cri"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, Exposition.Value(result.Stdout, "requests_total", ("method", "GET")));
        Assert.Equal(20, Exposition.Value(result.Stdout, "last_size_bytes"));
    }
}
