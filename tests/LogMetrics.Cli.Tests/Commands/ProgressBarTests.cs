using System.Diagnostics;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

/// <summary>The one-shot progress bar, run under a real pseudo-terminal (util-linux `script`).</summary>
public sealed class ProgressBarTests
{
    [Fact]
    public async Task OnATerminalTheBarShowsBytesLinesPerSecondAndEta()
    {
        using var dir = new TempDirectory();
        var output = await RunOnTerminal(dir, "", showAfterMs: "0");
        Assert.Contains("lines/s", output);
        Assert.Contains("ETA", output);
        Assert.Matches(@"\[#+\] 100% [\d.]+ KiB/[\d.]+ KiB", output);
        // Erased at the end, so the exposition starts on a clean line.
        Assert.Contains("\r\u001b[K", output);
    }

    [Fact]
    public async Task QuietShowsNothing()
    {
        using var dir = new TempDirectory();
        var output = await RunOnTerminal(dir, "--quiet", showAfterMs: "0");
        Assert.DoesNotContain("lines/s", output);
    }

    [Fact]
    public async Task NothingWhenStderrIsNotATerminal()
    {
        using var dir = new TempDirectory();
        var output = await RunOnTerminal(dir, "2> " + dir["stderr.txt"], showAfterMs: "0");
        Assert.DoesNotContain("lines/s", output);
        Assert.DoesNotContain("lines/s", File.ReadAllText(dir["stderr.txt"]));
    }

    [Fact]
    public async Task NothingForAReadThatEndsWithinASecond()
    {
        using var dir = new TempDirectory();
        var output = await RunOnTerminal(dir, "", showAfterMs: null);
        Assert.DoesNotContain("lines/s", output);
    }

    /// <summary>Runs a one-shot over a sample log with stdout to a file and stderr on the terminal; returns what the terminal got.</summary>
    private static async Task<string> RunOnTerminal(TempDirectory dir, string extra, string? showAfterMs)
    {
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("web.log", string.Concat(Enumerable.Repeat(Programs.WebLog, 2000)));
        var typescript = dir["typescript"];
        var command = $"'{LogMetricsCli.DotnetHost}' '{LogMetricsCli.Dll}' run --progs '{program}' --logs '{log}' --one-shot {extra} > '{dir["metrics.prom"]}'";
        var info = new ProcessStartInfo("script", ["-qfec", command, typescript]) { RedirectStandardOutput = true, RedirectStandardInput = true };
        if (showAfterMs is not null)
        {
            info.Environment["LOGMETRICS_PROGRESS_AFTER_MS"] = showAfterMs;
        }
        else
        {
            info.Environment.Remove("LOGMETRICS_PROGRESS_AFTER_MS");
        }

        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("requests_total{", File.ReadAllText(dir["metrics.prom"]));
        return File.ReadAllText(typescript);
    }
}
