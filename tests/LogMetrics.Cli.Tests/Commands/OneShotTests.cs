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
        var result = await LogMetricsCli.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, ExpositionParser.Value(result.Stdout, "requests_total", ("method", "GET"), ("prog", "web.rules")));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "requests_total", ("method", "POST")));
        Assert.Equal(30, ExpositionParser.Value(result.Stdout, "last_size_bytes"));
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
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", dir["a"] + "/*.log", "--logs", other, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, ExpositionParser.Value(result.Stdout, "lines_total"));
    }

    [Fact]
    public async Task EmitProgLabelFalseLeavesTheLabelOut()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--emit-prog-label", "false"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("prog=", result.Stdout);
    }

    [Fact]
    public async Task JsonFormatIsJson()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--format", "json"]);
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
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--format", "openmetrics"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("# EOF\n", result.Stdout);
    }

    [Fact]
    public async Task AnyCompileErrorExitsOneAndPrintsNoMetrics()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        dir.Write("progs/broken.rules", Programs.Broken);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot"]);
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
        var result = await LogMetricsCli.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot", flag, value]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "requests_total", ("method", "GET")));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "requests_total", ("method", "POST")));
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
        var result = await LogMetricsCli.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot", "--log-format", "cri"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "requests_total", ("method", "GET")));
        Assert.Equal(20, ExpositionParser.Value(result.Stdout, "last_size_bytes"));
    }
}

/// <summary>A one-shot run that read nothing, or lost something to a limit, says so on stderr (and fails when nothing was read).</summary>
public sealed class OneShotNothingSilentTests
{
    [Fact]
    public async Task A_log_that_does_not_exist_is_an_error()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", dir["nonexistent.log"], "--one-shot"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(dir["nonexistent.log"] + ": error: no such file", result.Stderr);
    }

    [Fact]
    public async Task A_glob_that_matches_nothing_is_an_error_when_nothing_else_is_read()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", dir["*.log"], "--one-shot"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("warning: --logs " + dir["*.log"] + ": no file matches", result.Stderr);
        Assert.Contains("error: no log file to read", result.Stderr);
    }

    [Fact]
    public async Task A_glob_that_matches_nothing_beside_a_log_that_is_read_is_a_warning()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        var log = dir.Write("a.log", "x\ny\n");
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--logs", dir["nope/*.log"], "--one-shot"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: --logs " + dir["nope/*.log"] + ": no file matches", result.Stderr);
        Assert.Equal(2, ExpositionParser.Value(result.Stdout, "lines_total"));
    }

    [Fact]
    public async Task An_unreadable_log_is_an_error()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        var log = dir.Write("locked.log", "x\n");
        WithoutReadOverride.Lock(log);
        Assert.True(await WithoutReadOverride.IsRefusedAsync(log), "the premise: a mode 000 file cannot be read");

        var result = await WithoutReadOverride.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(log + ": error:", result.Stderr);
        Assert.Contains("denied", result.Stderr);
    }

    [Fact]
    public async Task A_programs_directory_without_programs_is_an_error_that_points_at_the_subfolders()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web/web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", dir["progs"], "--logs", log, "--one-shot"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(dir["progs"] + ": error: no *.rules or *.mtail program", result.Stderr);
        Assert.Contains("--progs " + dir["progs/web"], result.Stderr);
    }

    /// <summary>Metrics with only their declarations, because the log was empty or no pattern fitted it (a typo, another
    /// format), are told on stderr: the run did its job (exit 0), but its result is empty.</summary>
    [Theory]
    [InlineData("", "warning: no line was read: {log} held none")]
    [InlineData("GET /a 200\n", "warning: ids.rules: no pattern matched any of the 1 lines")]
    public async Task A_run_whose_programs_saw_no_line_or_matched_none_says_so(string text, string warning)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("ids.rules", "counter ids_total\n/id (?P<id>\\d+)/ {\n  ids_total++\n}\n");
        var log = dir.Write("app.log", text);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, ExpositionParser.Value(result.Stdout, "ids_total"));
        Assert.Equal(warning.Replace("{log}", log, StringComparison.Ordinal), result.Stderr.Trim());
    }

    [Fact]
    public async Task By_default_one_shot_keeps_every_label_set_as_mtail_does()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("ids.rules", "counter ids_total by id\n/id (?P<id>\\d+)/ {\n  ids_total[$id]++\n}\n");
        var log = dir.Write("ids.log", string.Concat(Enumerable.Range(0, 12_000).Select(i => $"id {i}\n")));
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(12_000, ExpositionParser.Parse(result.Stdout).Count(s => s.Name == "ids_total"));
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Series_dropped_at_the_limit_are_warned_about_naming_metric_limit_and_flag()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", "GET /a 1\nPOST /b 2\nPUT /c 3\nDELETE /d 4\n");
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--max-series-per-metric", "2"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, ExpositionParser.Parse(result.Stdout).Count(s => s.Name == "requests_total"));
        Assert.Contains("warning: metric 'requests_total' (web.rules) reached --max-series-per-metric 2: 2 update(s)", result.Stderr);
        Assert.DoesNotContain("last_size_bytes", result.Stderr);
    }

    [Theory]
    [InlineData("--max-series-per-metric", "-1")]
    [InlineData("--max-line-bytes", "-5")]
    [InlineData("--max-line-bytes", "0")]
    public async Task A_limit_below_its_minimum_is_a_usage_error(string flag, string value)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        var log = dir.Write("a.log", "x\n");
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", flag, value]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(flag + " must be", result.Stderr);
    }

    [Fact]
    public async Task Lines_cut_at_max_line_bytes_are_warned_about()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("lines.rules", Programs.Lines);
        var log = dir.Write("a.log", "short\n" + new string('x', 100) + "\nshort\n");
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--max-line-bytes", "16"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"warning: {log}: 1 line(s) longer than --max-line-bytes 16 were cut", result.Stderr);
    }
}
