using System.Text.RegularExpressions;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task ValidProgramExitsZero()
    {
        using var dir = new TempDirectory();
        var result = await LogMetricsCli.RunAsync(["check", dir.Write("web.rules", Programs.Web)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("error", result.Stderr);
    }

    [Fact]
    public async Task ErrorsArePrintedWithSourceLineMarkerAndExitOne()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.rules", Programs.Broken);
        var result = await LogMetricsCli.RunAsync(["check", path]);
        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stderr.Split('\n');
        var first = Array.FindIndex(lines, l => Regex.IsMatch(l, @"broken\.rules:\d+:\d+: error LM\d{4}: "));
        Assert.True(first >= 0, result.ToString());
        var position = Regex.Match(lines[first], @":(\d+):(\d+): error");
        var line = int.Parse(position.Groups[1].Value);
        var column = int.Parse(position.Groups[2].Value);
        Assert.Equal(Programs.Broken.Split('\n')[line - 1], lines[first + 1]);
        Assert.Matches(@"^\s*\^~*$", lines[first + 2]);
        Assert.Equal(column - 1, lines[first + 2].IndexOf('^'));
    }

    [Fact]
    public async Task DirectoryChecksRulesAndMtailFilesButSkipsDotfilesAndOthers()
    {
        using var dir = new TempDirectory();
        dir.Write("a.rules", Programs.Web);
        dir.Write("b.mtail", Programs.Lines);
        dir.Write(".hidden.rules", Programs.Broken);
        dir.Write("notes.txt", Programs.Broken);
        dir.Write("sub/c.rules", Programs.Broken);
        var ok = await LogMetricsCli.RunAsync(["check", dir.Path]);
        Assert.True(ok.ExitCode == 0, ok.ToString());

        dir.Write("z.mtail", Programs.Broken);
        var bad = await LogMetricsCli.RunAsync(["check", dir.Path]);
        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Contains("z.mtail:", bad.Stderr);
        Assert.DoesNotContain(".hidden.rules", bad.Stderr);
    }

    [Fact]
    public async Task MissingPathExitsOne()
    {
        using var dir = new TempDirectory();
        var result = await LogMetricsCli.RunAsync(["check", dir["nope.rules"]]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.rules", result.Stderr);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("bogus-command")]
    [InlineData("run", "--one-shot")]
    [InlineData("check", "x.rules", "--no-such-option")]
    public async Task UsageErrorsExitTwo(params string[] args)
    {
        var result = await LogMetricsCli.RunAsync(args);
        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("run", "--help")]
    [InlineData("test", "--help")]
    [InlineData("grok", "--help")]
    public async Task HelpWorksOnEveryCommand(params string[] args)
    {
        var result = await LogMetricsCli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout);
    }

    [Fact]
    public async Task RunHelpListsTheContractFlags()
    {
        var result = await LogMetricsCli.RunAsync(["run", "--help"]);
        foreach (var flag in new[]
                 {
                     "--progs", "--logs", "--one-shot", "--format", "--grok-patterns", "--override-timezone", "--syslog-use-current-year",
                     "--emit-prog-label", "--emit-metric-timestamp", "--max-series-per-metric", "--match-timeout", "--from-start", "--state-dir",
                     "--max-line-bytes", "--input-format", "--log-format", "--log-level", "--listen", "--web.config.file", "--poll-interval",
                 })
        {
            Assert.Contains(flag, result.Stdout);
        }
    }

    [Fact]
    public async Task A_directory_without_programs_is_an_error_as_in_run()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web/web.rules", Programs.Web);
        var result = await LogMetricsCli.RunAsync(["check", dir["progs"]]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(dir["progs"] + ": error: no *.rules or *.mtail program", result.Stderr);
    }
}
