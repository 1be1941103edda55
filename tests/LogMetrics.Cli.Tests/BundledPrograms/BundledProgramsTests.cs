using System.Diagnostics;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.BundledPrograms;

/// <summary>Every ready-made program in programs/ reproduces its expected.prom with `logmetrics test`,
/// and its exposition is clean under `promtool check metrics`.</summary>
public sealed class BundledProgramsTests
{
    public static TheoryData<string> ProgramNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in BundledProgram.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_bundled_programs_are_all_there()
    {
        var names = Directory.GetDirectories(ProgramsDirectory).Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "apache_combined", "kubernetes_containers", "nginx", "nginx_timing", "syslog_sshd",
            "nginx_json", "caddy", "logfmt", "ingress_nginx", "java_exceptions", "postgresql_slow_queries", "traefik",
        }, names);
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public async Task Program_reproduces_its_expected_metrics(string name)
    {
        var dir = Path.Combine(ProgramsDirectory, name);
        Assert.True(File.Exists(Path.Combine(dir, name + ".rules")), $"{name}/{name}.rules is missing");
        Assert.True(File.Exists(Path.Combine(dir, "README.md")), $"{name}/README.md is missing");

        var result = await LogMetricsCli.RunAsync(BundledProgram.TestCommand(name), workingDirectory: dir);

        Assert.True(result.ExitCode == 0, $"logmetrics test failed for {name}:\n{result.Stdout}\n{result.Stderr}");
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public async Task Program_exposition_is_clean_under_promtool(string name)
    {
        var dir = Path.Combine(ProgramsDirectory, name);
        var extra = TestArguments(dir).Select(a => a == "--log" ? "--logs" : a).ToList();
        string[] log = extra.Contains("--logs") ? [] : ["--logs", Path.Combine(dir, "sample.log")];
        var run = await LogMetricsCli.RunAsync(
            ["run", "--progs", Path.Combine(dir, name + ".rules"), .. log, "--one-shot", .. extra],
            workingDirectory: dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("# TYPE", run.Stdout);

        Assert.True(File.Exists("/usr/bin/promtool"), "promtool is required at /usr/bin/promtool");
        var info = new ProcessStartInfo("/usr/bin/promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var promtool = Process.Start(info)!;
        await promtool.StandardInput.WriteAsync(run.Stdout);
        promtool.StandardInput.Close();
        var lint = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();

        Assert.True(promtool.ExitCode == 0 && lint.Trim().Length == 0, $"promtool check metrics for {name}:\n{lint}");
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public async Task Program_compiles_without_a_warning(string name)
    {
        var result = await LogMetricsCli.RunAsync(["check", Path.Combine(ProgramsDirectory, name, name + ".rules")]);

        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, $"logmetrics check {name}:\n{result.Stderr}");
    }

    [Fact]
    public async Task Nginx_response_bytes_are_the_sum_of_body_bytes_sent()
    {
        // Summed here from the sample log itself, so a program that adds a String (0) cannot pass.
        var dir = Path.Combine(ProgramsDirectory, "nginx");
        var expected = new Dictionary<(string Method, string Code), long>();
        foreach (var line in File.ReadLines(Path.Combine(dir, "sample.log")))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, "\"([A-Z]+) [^\"]*\" (\\d{3}) (\\d+) ");
            if (match.Success)
            {
                var key = (match.Groups[1].Value, match.Groups[2].Value);
                expected[key] = expected.GetValueOrDefault(key) + long.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var run = await LogMetricsCli.RunAsync(["run", "--progs", Path.Combine(dir, "nginx.rules"), "--logs", Path.Combine(dir, "sample.log"), "--one-shot"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(expected.Values.Sum() > 0, "the sample log has no response bytes");
        foreach (var ((method, code), bytes) in expected)
        {
            Assert.Equal(bytes, ExpositionParser.Value(run.Stdout, "nginx_http_response_size_bytes_total", ("method", method), ("code", code)));
        }
    }

    /// <summary>
    /// programs/NAME/test.args, when a program needs more than its sample.log: one argument per line (# comments),
    /// paths relative to the program's directory; a --log there replaces sample.log.
    /// </summary>
    private static List<string> TestArguments(string dir) => BundledProgram.TestArguments(dir);

    private static string ProgramsDirectory => BundledProgram.ProgramsDirectory;
}
