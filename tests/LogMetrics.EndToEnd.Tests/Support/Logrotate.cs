namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The two ways logrotate rotates a log that a process keeps open.</summary>
internal enum RotationMode
{
    /// <summary>Rename to .1, create a new file, signal the writer to reopen.</summary>
    Create,

    /// <summary>Copy to .1, then truncate the file in place; the writer never reopens.</summary>
    CopyTruncate,
}

/// <summary>Runs the real logrotate once, forced, with a config written for one log.</summary>
internal static class Logrotate
{
    public static async Task<CommandResult> RotateAsync(string directory, string log, RotationMode mode, string? postrotate, ITestOutputHelper? output = null)
    {
        var logrotate = Tool.Require("logrotate");
        var config = Path.Combine(directory, "logrotate.conf");
        var lines = new List<string>
        {
            $"{log} {{",
            mode == RotationMode.Create ? "    create" : "    copytruncate",
            "    rotate 5",
            "    missingok",
            "    nocompress",
            "    nodateext",
        };
        if (postrotate is not null)
        {
            lines.AddRange(["    postrotate", $"        {postrotate}", "    endscript"]);
        }

        lines.Add("}");
        File.WriteAllText(config, string.Join('\n', lines) + "\n");
        var result = await CommandRunner.RunAsync(
            logrotate,
            ["-f", "-v", "-s", Path.Combine(directory, "logrotate.state"), config],
            TimeSpan.FromSeconds(30));
        output?.WriteLine(result.ToString());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"logrotate failed:\n{result}");
        }

        return result;
    }
}
