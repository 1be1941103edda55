using System.Diagnostics;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>What a short command printed and how it exited.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"$ {Command}\nexit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs a short command (openssl, logrotate, promtool, a one-shot CLI call) to completion under a deadline.</summary>
internal static class CommandRunner
{
    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? stdin = null, string? workingDirectory = null)
    {
        var info = RedirectedStartInfo.Create(fileName, arguments, workingDirectory);

        var command = fileName + " " + string.Join(' ', info.ArgumentList.Select(Quote));
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {limit.TotalSeconds:0.#} s");
        }

        return new CommandResult(command, process.ExitCode, await stdout, await stderr);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,@%+".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''")}'";
}
