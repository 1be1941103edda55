using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Explain;

public sealed class ExplainLoadFailureTests
{
    [Fact]
    public async Task AProgramWhoseCodeCannotBeBuiltIsReportedAndExitsNonZero()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("p.rules", "counter c\n/a/ {\n  c++\n}\n");
        var log = dir.Write("l.log", "a\n");

        var result = await CliRunner.RunAsync(["explain", program, "--log", log, "--match-timeout=0s"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains($"{program}: error: its code could not be built:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
    }
}
