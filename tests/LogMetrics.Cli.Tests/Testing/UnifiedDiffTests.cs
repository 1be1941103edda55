using System.Diagnostics;
using LogMetrics.Cli.Testing;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Testing;

public sealed class UnifiedDiffTests
{
    /// <summary>Each case: before and after as space-separated lines; the hunks must be those of GNU diff -u.</summary>
    [Theory]
    [InlineData("a b c", "a x c")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20", "1 2 X 4 5 6 7 8 9 10 11 12 13 14 15 16 17 Y 19 20")]
    [InlineData("1 2 3 4 5 6 7 8 9 10", "1 2 3 X 5 6 7 8 Y 10")]
    [InlineData("1 2 3 4 5 6 7 8", "0 1 2 3 4 5 6 7 8 9")]
    [InlineData("", "a b")]
    [InlineData("a b", "")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11 12", "1 2 3 4 5 7 8 9 10 11 12")]
    public void HunksAreThoseOfDiffU(string before, string after)
    {
        var old = Split(before);
        var @new = Split(after);
        Assert.Equal(GnuDiff(old, @new), UnifiedDiff.Hunks(old, @new));
    }

    [Fact]
    public void EqualInputsHaveNoHunks() => Assert.Empty(UnifiedDiff.Hunks(["a", "b"], ["a", "b"]));

    [Fact]
    public void FarApartChangesGetTwoHunksWithThreeLinesOfContext()
    {
        var old = Enumerable.Range(1, 30).Select(i => i.ToString()).ToArray();
        var @new = old.Select(l => l is "5" or "25" ? l + "!" : l).ToArray();
        var hunks = UnifiedDiff.Hunks(old, @new);
        Assert.Equal(["@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+5!", " 6", " 7", " 8", "@@ -22,7 +22,7 @@"], hunks.Take(10));
        Assert.Equal(18, hunks.Count);
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static List<string> GnuDiff(string[] old, string[] @new)
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a", old.Length == 0 ? "" : string.Join("\n", old) + "\n");
        var b = dir.Write("b", @new.Length == 0 ? "" : string.Join("\n", @new) + "\n");
        var info = new ProcessStartInfo("diff", ["-u", a, b]) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
    }
}
