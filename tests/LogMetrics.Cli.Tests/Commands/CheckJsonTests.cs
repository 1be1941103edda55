using System.Text.Json;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class CheckJsonTests
{
    [Fact]
    public async Task EachDiagnosticIsOneJsonLineWithPositionCodeAndHint()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.rules", Programs.Broken);
        var result = await LogMetricsCli.RunAsync(["check", "--format", "json", path]);
        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("severity").GetString() == "error").ToList();
        var error = Assert.Single(errors);
        Assert.Equal(path, error.GetProperty("file").GetString());
        // `erors_total++` on line 4, column 3; the name is 11 characters long.
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("column").GetInt32());
        Assert.Equal(4, error.GetProperty("end").GetProperty("line").GetInt32());
        Assert.Equal(14, error.GetProperty("end").GetProperty("column").GetInt32());
        Assert.Matches(@"^LM2\d{3}$", error.GetProperty("code").GetString());
        Assert.Contains("erors_total", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("hint").ValueKind);
        Assert.DoesNotContain("error LM", result.Stderr);
    }

    [Fact]
    public async Task HintIsIncluded()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("typo.rules", "counter c_total by status\n/(?P<status>\\d+)/ {\n  c_total[$stauts]++\n}\n");
        var result = await LogMetricsCli.RunAsync(["check", "--format", "json", path]);
        Assert.Equal(1, result.ExitCode);
        var error = JsonDocument.Parse(result.Stdout.Trim()).RootElement;
        Assert.Equal("LM2003", error.GetProperty("code").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal(11, error.GetProperty("column").GetInt32());
        Assert.Equal(18, error.GetProperty("end").GetProperty("column").GetInt32());
        Assert.Contains("status", error.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task WarningsAreReportedAndExitZero()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("unused.rules", "counter unused_total\ncounter lines_total\n/x/ {\n  lines_total++\n}\n");
        var result = await LogMetricsCli.RunAsync(["check", "--format", "json", path]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = JsonDocument.Parse(result.Stdout.Trim()).RootElement;
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal(1, warning.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task CleanProgramPrintsNothing()
    {
        using var dir = new TempDirectory();
        var result = await LogMetricsCli.RunAsync(["check", "--format", "json", dir.Write("web.rules", Programs.Web)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task MessagesAreWrittenWithoutUnicodeEscapes()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("plus.rules", "counter a_total\n/a+(b/ {\n  a_total++\n}\n");
        var result = await LogMetricsCli.RunAsync(["check", "--format", "json", path]);
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("\\u00", result.Stdout);
        Assert.All(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => JsonDocument.Parse(l));
    }
}
