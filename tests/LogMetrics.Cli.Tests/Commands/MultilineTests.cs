using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

/// <summary>`--multiline` on `run --one-shot` and `test`: records reach programs as one line with \n inside.</summary>
public sealed class MultilineTests
{
    private const string Program = """
        counter records_total
        counter exceptions_total by class

        /^/ {
          records_total++
        }

        /(?s)^\S+ \S+ ERROR .*?\n(?P<class>[A-Za-z0-9_.$]+(?:Exception|Error))\b/ {
          exceptions_total[$class]++
        }
        """;

    private const string Log = """
        2024-05-01 12:00:00 ERROR request failed
        java.lang.IllegalStateException: boom
            at com.example.Service.run(Service.java:42)
        Caused by: java.io.IOException: disk
            at com.example.Disk.write(Disk.java:9)
        2024-05-01 12:00:01 INFO fine
        2024-05-01 12:00:02 ERROR again
        java.lang.IllegalStateException: boom
            at com.example.Service.run(Service.java:42)
        2024-05-01 12:00:03 ERROR out of memory
        java.lang.OutOfMemoryError: Java heap space

        """;

    [Fact]
    public async Task One_shot_counts_exceptions_by_class_over_multiline_records()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("java.rules", Program);
        var log = dir.Write("app.log", Log);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--multiline", dir.Path + "/*.log=start:/^\\d{4}-\\d{2}-\\d{2} /"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, ExpositionParser.Value(result.Stdout, "records_total"));
        Assert.Equal(2, ExpositionParser.Value(result.Stdout, "exceptions_total", ("class", "java.lang.IllegalStateException")));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "exceptions_total", ("class", "java.lang.OutOfMemoryError")));
        Assert.Equal("", result.Stderr.Trim());
    }

    [Fact]
    public async Task Without_multiline_each_line_is_a_record()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("java.rules", Program);
        var log = dir.Write("app.log", Log);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(11, ExpositionParser.Value(result.Stdout, "records_total"));
        Assert.DoesNotContain("exceptions_total{", result.Stdout);
    }

    [Fact]
    public async Task A_rule_for_stdin_frames_what_is_piped_in()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("java.rules", Program);
        var result = await LogMetricsCli.RunAsync(
            ["run", "--progs", program, "--logs", "-", "--one-shot", "--multiline", "-=start:/^\\d{4}-/"], stdin: Log);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, ExpositionParser.Value(result.Stdout, "records_total"));
        Assert.Equal(2, ExpositionParser.Value(result.Stdout, "exceptions_total", ("class", "java.lang.IllegalStateException")));
    }

    [Theory]
    [InlineData("*.log=start:^x", "between slashes")]
    [InlineData("*.log=start:/(a)\\1/", "linear time")]
    [InlineData("*.log=start:/x/,max_lines=0", "'max_lines=0' is not an option")]
    public async Task A_bad_spec_is_a_usage_error_that_says_what_is_wrong(string spec, string message)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("java.rules", Program);
        var log = dir.Write("app.log", Log);
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot", "--multiline", spec]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cut_records_and_a_rule_that_names_no_log_are_told_on_stderr()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("java.rules", Program);
        var log = dir.Write("app.log", "start\n" + string.Concat(Enumerable.Repeat("  more\n", 30)));
        var result = await LogMetricsCli.RunAsync(
        [
            "run", "--progs", program, "--logs", log, "--one-shot",
            "--multiline", log + "=start:/^start/,max_lines=10",
            "--multiline", "/nowhere/*.log=start:/^x/",
        ]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, ExpositionParser.Value(result.Stdout, "records_total"));
        Assert.Contains($"warning: {log}: 3 multiline record(s) reached max_lines or max_bytes", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("warning: --multiline /nowhere/*.log=start:/^x/ applies to no log that was read", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_command_takes_multiline_rules()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("java.rules", Program);
        var log = dir.Write("app.log", Log);
        var expected = dir.Write("expected.prom", """
            exceptions_total{class="java.lang.IllegalStateException",prog="java.rules"} 2
            exceptions_total{class="java.lang.OutOfMemoryError",prog="java.rules"} 1
            records_total{prog="java.rules"} 4
            """);
        var result = await LogMetricsCli.RunAsync(["test", program, "--log", log, "--expect", expected, "--multiline", "start:/^\\d{4}-/"]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
