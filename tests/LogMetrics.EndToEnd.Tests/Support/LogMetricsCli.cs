namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The built `logmetrics` CLI, always run as its own process: `dotnet DIR/logmetrics.dll ...`.</summary>
internal static class LogMetricsCli
{
    /// <summary>logmetrics.dll next to the tests (the project reference builds it there), or LOGMETRICS_DLL.</summary>
    public static string DllPath
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

    public static IEnumerable<string> Arguments(IEnumerable<string> arguments) => new[] { DllPath }.Concat(arguments);

    public static Task<CommandResult> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null, string? stdin = null, string? workingDirectory = null) =>
        CommandRunner.RunAsync(DotnetHost, Arguments(arguments), timeout ?? TimeSpan.FromSeconds(60), stdin, workingDirectory);

    public static Task<CommandResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);
}
