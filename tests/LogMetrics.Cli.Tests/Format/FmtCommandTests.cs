using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Format;

public sealed class FmtCommandTests
{
    private const string Messy = "# counts\ncounter  a_total   by k\n\n\n/(?P<k>x)/{\n      a_total [ $k ] ++   # one more\n}\n";
    private const string Canonical = "# counts\ncounter a_total by k\n\n/(?P<k>x)/ {\n  a_total[$k]++ # one more\n}\n";

    [Fact]
    public async Task RewritesFilesInPlace()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("progs/a.rules", Messy);
        dir.Write("progs/b.mtail", Canonical);
        var result = await LogMetricsCli.RunAsync(["fmt", dir["progs"]]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Canonical, File.ReadAllText(path));
        Assert.Contains("a.rules: formatted", result.Stderr);
        Assert.DoesNotContain("b.mtail", result.Stderr);
        Assert.Equal(["a.rules", "b.mtail"], Directory.GetFiles(dir["progs"]).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task CheckPrintsADiffAndExitsOneWithoutWriting()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.rules", Messy);
        var result = await LogMetricsCli.RunAsync(["fmt", "--check", path]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(Messy, File.ReadAllText(path));
        var lines = result.Stdout.Split('\n');
        Assert.Equal($"--- {path}", lines[0]);
        Assert.Equal($"+++ {path} (formatted)", lines[1]);
        Assert.StartsWith("@@ -1,", lines[2]);
        Assert.Contains("-counter  a_total   by k", lines);
        Assert.Contains("+counter a_total by k", lines);
        Assert.Contains("+  a_total[$k]++ # one more", lines);
    }

    [Fact]
    public async Task CheckOnFormattedFilesExitsZeroSilently()
    {
        using var dir = new TempDirectory();
        var result = await LogMetricsCli.RunAsync(["fmt", "--check", dir.Write("a.rules", Canonical)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task ProgramThatDoesNotParseIsLeftAsItIs()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.rules", "counter a\n/x/ {\n a++\n");
        var result = await LogMetricsCli.RunAsync(["fmt", path]);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"a\.rules:\d+:\d+: error LM1\d{3}", result.Stderr);
        Assert.Equal("counter a\n/x/ {\n a++\n", File.ReadAllText(path));
    }
}
