using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LogMetrics.Cli.Tests.Support;

/// <summary>Runs the built `logmetrics` (copied next to the tests by the project reference) as a real process.</summary>
internal static partial class CliRunner
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "logmetrics.dll");

    private static string DotNet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"logmetrics {string.Join(' ', args)} did not exit in time; stderr: {await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(DotNet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start logmetrics");
    }

    public static void Signal(Process process, PosixSignalNumber signal)
    {
        if (Kill(process.Id, (int)signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}

internal enum PosixSignalNumber
{
    Hup = 1,
    Int = 2,
    Term = 15,
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
