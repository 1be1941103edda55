using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.OneShot;

public sealed class ProgramLoadFailureTests
{
    /// <summary>A program that compiles but whose code cannot be built (here: a match timeout the regex engine refuses)
    /// is an error on stderr and a non-zero exit, not a crash and not an empty success.</summary>
    [Fact]
    public async Task ACodegenFailureIsReportedAndExitsNonZero()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("p.rules", "counter c\n/a/ {\n  c++\n}\n");
        var log = dir.Write("l.log", "a\n");

        var result = await CliRunner.RunAsync(["run", "--one-shot", "--progs", program, "--logs", log, "--match-timeout=0s"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains($"{program}: error: the program was not loaded: its code could not be built:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
