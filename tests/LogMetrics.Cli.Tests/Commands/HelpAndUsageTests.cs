using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class HelpAndUsageTests
{
    [Fact]
    public async Task DurationsAndEnumsAreShownAsTheyAreWritten()
    {
        var result = await LogMetricsCli.RunAsync(["run", "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[default: 1s]", result.Stdout);
        Assert.Contains("[default: 250ms]", result.Stdout);
        Assert.Contains("--format <prometheus|openmetrics|json>", result.Stdout);
        Assert.Contains("[default: prometheus]", result.Stdout);
        Assert.DoesNotContain("00:00:", result.Stdout);
    }

    [Fact]
    public async Task HelpShowsHowToTurnOffAFlagThatIsOnByDefault()
    {
        var result = await LogMetricsCli.RunAsync(["run", "--help"]);
        var line = result.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("--emit-prog-label", StringComparison.Ordinal) || l.Contains(", --emit-prog-label"));
        Assert.Contains("--no-emit-prog-label", line);
        Assert.Contains("--emit-prog-label=false", line);
    }

    [Theory]
    [InlineData("--no-emit-prog-label", false)]
    [InlineData("--emit-prog-label=false", false)]
    [InlineData("--emit-prog-label", true)]
    [InlineData(null, true)]
    public async Task FlagsThatAreOnByDefaultCanBeTurnedOff(string? flag, bool progLabel)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("web.log", Programs.WebLog);
        string[] args = ["run", "--progs", program, "--logs", log, "--one-shot"];
        var result = await LogMetricsCli.RunAsync(flag is null ? args : [.. args, flag]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("requests_total{", result.Stdout);
        Assert.Equal(progLabel, result.Stdout.Contains("prog=\"web.rules\""));
    }

    [Theory]
    [InlineData("run", "--format", "xml", "prometheus, openmetrics or json")]
    [InlineData("run", "--input-format", "syslog", "plain, docker or cri")]
    [InlineData("check", "--format", "sarif", "text or json")]
    [InlineData("run", "--max-series-per-metric", "lots", "a whole number")]
    public async Task BadValuesListTheChoicesWithoutDotNetTypeNames(string command, string option, string value, string choices)
    {
        var result = await LogMetricsCli.RunAsync([command, option, value, "--progs", "p", "--logs", "l", "x.rules"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{value}' is not a valid value for {option}; use {choices}", result.Stderr);
        Assert.DoesNotMatch(@"LogMetrics\.|System\.|expected type", result.Stderr);
    }

    /// <summary>.NET's regex engine refuses a timeout of 0 or above ~24 days: every program's load would fail, so
    /// it is a usage error naming the range (the engine's own handling of a load that fails is tested in Runtime).</summary>
    [Theory]
    [InlineData("run", "0s")]
    [InlineData("run", "720h")]
    [InlineData("explain", "0s")]
    [InlineData("test", "0ms")]
    public async Task A_match_timeout_the_regex_engine_refuses_is_a_usage_error(string command, string value)
    {
        var result = await LogMetricsCli.RunAsync([command, "--match-timeout", value, "--progs", "p", "--logs", "l", "--log", "l", "--expect", "e", "x.rules"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--match-timeout must be above 0 and at most", result.Stderr);
        Assert.Contains($"(got {value})", result.Stderr);
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
    }

    [Theory]
    [InlineData("--port", "9100")]
    [InlineData("--port=9100", null)]
    public async Task MtailsPortFlagGetsAHintToUseListen(string flag, string? value)
    {
        string[] args = ["run", "--progs", "p", "--logs", "l", flag];
        var result = await LogMetricsCli.RunAsync(value is null ? args : [.. args, value]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("use --listen HOST:PORT, e.g. --listen 0.0.0.0:9100", result.Stderr);
    }
}
