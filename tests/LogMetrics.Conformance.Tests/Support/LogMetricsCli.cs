namespace LogMetrics.Conformance.Tests.Support;

/// <summary>The `logmetrics` executable built by the project reference, run as a separate process.</summary>
internal static class LogMetricsCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "logmetrics.dll");

    private static string DotNet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    /// <summary>`logmetrics run --one-shot`: the programs' metrics over the logs, as Prometheus text.</summary>
    public static Task<ToolResult> RunOneShotAsync(string progs, IReadOnlyList<string> logs, RunSettings settings)
    {
        var args = new List<string> { "run", "--progs", progs };
        foreach (var log in logs)
        {
            args.Add("--logs");
            args.Add(log);
        }

        args.Add("--one-shot");
        args.Add("--format");
        args.Add("prometheus");
        if (!settings.SyslogUseCurrentYear)
        {
            args.Add("--syslog-use-current-year=false");
        }

        if (!settings.EmitProgLabel)
        {
            args.Add("--emit-prog-label=false");
        }

        return RunAsync(args);
    }

    /// <summary>`logmetrics check`: compiles the programs and prints diagnostics.</summary>
    public static Task<ToolResult> CheckAsync(IEnumerable<string> paths) => RunAsync(["check", .. paths]);

    private static Task<ToolResult> RunAsync(IReadOnlyList<string> args) =>
        ProcessRunner.RunAsync(DotNet, [Dll, .. args], TimeSpan.FromSeconds(120));
}
