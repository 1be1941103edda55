using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Import;

/// <summary>Every grok_exporter example in examples/grok_exporter gives its expected.prom both with
/// `run --config` and with `import` followed by `run --progs`.</summary>
public sealed class GrokExporterExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        // The webhook example has no log file: WebhookTests posts its events to a daemon.
        foreach (var dir in Directory.GetDirectories(ExamplesDirectory).Order(StringComparer.Ordinal).Where(d => Directory.GetFiles(d, "*.log").Length > 0))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void The_examples_are_all_there()
    {
        var names = Directory.GetDirectories(ExamplesDirectory).Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "apache_access", "nginx_access", "syslog_retention", "summary_response_times", "delete_match_sessions", "webhook_json" }, names);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Run_config_gives_the_expected_exposition(string name)
    {
        var dir = Path.Combine(ExamplesDirectory, name);
        var result = await LogMetricsCli.RunAsync(["run", "--config", Path.Combine(dir, "config.yml"), "--logs", LogOf(dir), "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected.prom")), result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Import_then_run_gives_the_expected_exposition(string name)
    {
        var dir = Path.Combine(ExamplesDirectory, name);
        using var output = new TempDirectory();
        var imported = await LogMetricsCli.RunAsync(["import", "grok-exporter", Path.Combine(dir, "config.yml"), "-o", output.Path]);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.True(File.Exists(output["IMPORT-REPORT.txt"]));
        Assert.Contains("run them with:", imported.Stderr);

        List<string> args = ["run", "--progs", output.Path, "--logs", LogOf(dir), "--emit-prog-label=false", "--one-shot"];
        if (Directory.Exists(output["patterns"]))
        {
            args.AddRange(["--grok-patterns", output["patterns"]]);
        }

        var result = await LogMetricsCli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected.prom")), result.Stdout);
    }

    [Fact]
    public async Task The_recording_rules_for_grok_exporters_self_metric_names_pass_promtool()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/promtool")
        {
            ArgumentList = { "check", "rules", Path.Combine(ExamplesDirectory, "..", "grok_exporter", "recording_rules.yml") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("SUCCESS: 3 rules found", output);
    }

    private static string LogOf(string dir) =>
        Directory.GetFiles(dir, "*.log").Single();

    private static string ExamplesDirectory => Path.Combine(Repository.Root, "examples", "grok_exporter");
}
