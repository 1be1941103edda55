using System.Diagnostics;

namespace LogMetrics.TestSupport;

/// <summary>Runs a command (openssl, promtool, mtail, a one-shot CLI call) to completion under a deadline.</summary>
public static class CommandRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? stdin = null, string? workingDirectory = null)
    {
        var info = RedirectedStartInfo.Create(fileName, arguments, workingDirectory);
        var command = string.Join(' ', new[] { fileName }.Concat(info.ArgumentList).Select(Quote));
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {limit.TotalSeconds:0.#} s; stderr: {await stderr}");
        }

        return new CommandResult(command, process.ExitCode, await stdout, await stderr);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''")}'";
}
