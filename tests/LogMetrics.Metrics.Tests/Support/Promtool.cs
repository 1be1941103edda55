using System.Diagnostics;

namespace LogMetrics.Metrics.Tests.Support;

/// <summary>Runs `promtool check metrics &lt; file`. Fails, never skips, when promtool is missing: CI installs it.</summary>
internal static class Promtool
{
    public static (int ExitCode, string Output) CheckMetrics(string exposition)
    {
        var promtool = Find();
        Assert.True(promtool is not null, "promtool not found on PATH or in /usr/bin; install the 'prometheus' package");
        var file = Path.Combine(Path.GetTempPath(), $"logmetrics-{Guid.NewGuid():N}.prom");
        try
        {
            File.WriteAllText(file, exposition);
            var start = new ProcessStartInfo("/bin/sh")
            {
                ArgumentList = { "-c", "exec \"$0\" check metrics < \"$1\"", promtool!, file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "promtool did not finish within 60 s");
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "promtool"))
            .FirstOrDefault(File.Exists);
    }
}
