namespace LogMetrics.Conformance.Tests.Support;

/// <summary>The `logmetrics` commands the conformance tests compare with mtail's, run as a separate process.</summary>
internal static class LogMetricsTool
{
    /// <summary>`logmetrics run --one-shot`: the programs' metrics over the logs, as Prometheus text.</summary>
    public static Task<CommandResult> RunOneShotAsync(string progs, IReadOnlyList<string> logs, RunSettings settings)
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
    public static Task<CommandResult> CheckAsync(IEnumerable<string> paths) => RunAsync(["check", .. paths]);

    private static Task<CommandResult> RunAsync(IReadOnlyList<string> args) =>
        LogMetricsCli.RunAsync(args, TimeSpan.FromSeconds(120));
}
