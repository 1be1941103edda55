namespace LogMetrics.Conformance.Tests.Support;

/// <summary>The reference implementation: Debian's mtail binary, run one-shot.</summary>
internal static class Mtail
{
    private static readonly Lazy<string?> Executable = new(() => Tool.Find("mtail"));

    public static bool IsInstalled => Executable.Value is not null;

    public const string NotInstalled = "mtail is not installed (apt-get install -y mtail)";

    /// <summary>Compiles and runs <paramref name="progs"/> (a file or directory) over the logs and returns the Prometheus text.</summary>
    public static Task<CommandResult> RunOneShotAsync(string progs, IReadOnlyList<string> logs, RunSettings settings)
    {
        var args = new List<string>
        {
            "--one_shot", "--one_shot_format", "prometheus",
            "--progs", progs,
            "--logs", string.Join(',', logs),
            // One-shot still starts the HTTP listener: a random port lets runs overlap.
            "--address", "127.0.0.1", "--port", "0",
            // glog writes files to /tmp unless told otherwise.
            "--logtostderr",
            $"--syslog_use_current_year={Bool(settings.SyslogUseCurrentYear)}",
            $"--emit_prog_label={Bool(settings.EmitProgLabel)}",
        };
        return CommandRunner.RunAsync(Executable.Value ?? throw new InvalidOperationException(NotInstalled), args, TimeSpan.FromSeconds(60));
    }

    public static Task<CommandResult> CompileOnlyAsync(string progs) =>
        CommandRunner.RunAsync(
            Executable.Value ?? throw new InvalidOperationException(NotInstalled),
            // A random port as in one-shot: a busy 3903 (a daemon on this machine) must not fail the compile.
            ["--compile_only", "--progs", progs, "--logtostderr", "--address", "127.0.0.1", "--port", "0"],
            TimeSpan.FromSeconds(60));

    private static string Bool(bool value) => value ? "true" : "false";
}
