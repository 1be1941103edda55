using System.Diagnostics;

namespace LogMetrics.TestSupport;

/// <summary>The built `logmetrics` CLI, always run as its own process: `dotnet DIR/logmetrics.dll ...`.</summary>
public static class LogMetricsCli
{
    /// <summary>logmetrics.dll next to the tests (a project reference to LogMetrics.Cli builds it there), or LOGMETRICS_DLL.</summary>
    public static string Dll
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("LOGMETRICS_DLL") is { Length: > 0 } overridden
                ? overridden
                : Path.Combine(AppContext.BaseDirectory, "logmetrics.dll");
            if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
            {
                throw new InvalidOperationException($"The CLI is not built at {path} (with its runtimeconfig.json): build the solution first.");
            }

            return path;
        }
    }

    /// <summary>The dotnet host that runs the tests, so the CLI runs on the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : Tool.Require("dotnet");

    /// <summary>The host's arguments for `logmetrics ARGS`: the dll first.</summary>
    public static IEnumerable<string> Arguments(IEnumerable<string> arguments) => new[] { Dll }.Concat(arguments);

    /// <summary>Runs `logmetrics ARGS` to completion under a deadline (60 s unless told).</summary>
    public static Task<CommandResult> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null, string? stdin = null, string? workingDirectory = null) =>
        CommandRunner.RunAsync(DotnetHost, Arguments(arguments), timeout, stdin, workingDirectory);

    public static Task<CommandResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    /// <summary>Starts `logmetrics ARGS` with its standard streams redirected; the caller reads and ends it.</summary>
    public static Process Start(IEnumerable<string> arguments, string? workingDirectory = null) =>
        Process.Start(RedirectedStartInfo.Create(DotnetHost, Arguments(arguments), workingDirectory))
        ?? throw new InvalidOperationException("could not start logmetrics");
}
