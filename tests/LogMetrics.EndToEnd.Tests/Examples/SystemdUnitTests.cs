using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>examples/systemd/logmetrics.service: systemd accepts it, it is hardened, and the CLI does what it promises.</summary>
public sealed class SystemdUnitTests(ITestOutputHelper output)
{
    private static readonly string UnitPath = Repository.PathOf("examples/systemd/logmetrics.service");
    private readonly SystemdUnit _unit = SystemdUnit.Load(UnitPath);

    [Fact]
    public async Task Systemd_analyze_verify_accepts_it()
    {
        var result = await CommandRunner.RunAsync(Tool.Require("systemd-analyze"), ["verify", UnitPath]);
        output.WriteLine(result.ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("logmetrics.service", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void It_runs_unprivileged_with_a_state_directory_and_a_read_only_system()
    {
        Assert.Equal(["Unit", "Service", "Install"], _unit.Sections);
        Assert.True(_unit.Get("Service", "DynamicUser") == "yes" || _unit.Get("Service", "User") is { Length: > 0 } and not "root");
        Assert.Equal("logmetrics", _unit.Get("Service", "StateDirectory"));
        Assert.Equal("strict", _unit.Get("Service", "ProtectSystem"));
        Assert.Equal("yes", _unit.Get("Service", "NoNewPrivileges"));
        Assert.NotEmpty(_unit.Get("Service", "ReadOnlyPaths") ?? "");
        Assert.Equal("/bin/kill -HUP $MAINPID", _unit.Get("Service", "ExecReload"));
        Assert.Equal("multi-user.target", _unit.Get("Install", "WantedBy"));
    }

    [Fact]
    public async Task Exec_start_keeps_offsets_in_the_state_directory_and_uses_known_options()
    {
        var execStart = (_unit.Get("Service", "ExecStart") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("/usr/bin/dotnet", execStart[0]);
        Assert.EndsWith("/logmetrics.dll", execStart[1], StringComparison.Ordinal);
        var arguments = execStart.Skip(2).ToList();
        Assert.Equal("run", arguments[0]);
        Assert.Equal("/var/lib/" + _unit.Get("Service", "StateDirectory"), arguments[arguments.IndexOf("--state-dir") + 1]);
        var readOnly = (_unit.Get("Service", "ReadOnlyPaths") ?? "").Split(' ');
        Assert.Contains(readOnly, p => arguments[arguments.IndexOf("--progs") + 1].StartsWith(p, StringComparison.Ordinal));
        Assert.Contains(readOnly, p => arguments[arguments.IndexOf("--logs") + 1].StartsWith(p, StringComparison.Ordinal));
        var known = await CliOptions.RunAsync();
        Assert.All(CliOptions.UsedIn(arguments), option => Assert.Contains(option, known));
    }

    /// <summary>ExecReload sends SIGHUP: the daemon must take it as a reload, not die of it (SIGHUP's default).</summary>
    [Fact(Timeout = 60_000)]
    public async Task Sighup_from_exec_reload_leaves_the_daemon_serving()
    {
        using var temp = new TempDirectory("sighup");
        var log = temp["access.log"];
        File.WriteAllText(log, "");
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions { Programs = TestPrograms.Directory(temp, TestPrograms.NginxStatus), Logs = [log] },
            output);

        daemon.Process.Signal(Posix.SigHup);
        File.AppendAllText(log, "127.0.0.1 - - [22/Nov/2026:10:00:00 +0000] \"GET /r/1 HTTP/1.1\" 200 3 \"-\" \"sighup-test\"\n");
        await Poll.UntilAsync(
            "the daemon to count a line written after SIGHUP",
            () => daemon.SumAsync("http_requests_total"),
            value => value == 1,
            TimeSpan.FromSeconds(15),
            diagnostics: () => daemon.OutputTail);
        using var healthy = await daemon.Http.GetAsync("-/healthy");
        Assert.Equal(System.Net.HttpStatusCode.OK, healthy.StatusCode);
        Assert.False(daemon.Process.HasExited);
    }
}
