using System.Text;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.OneShot;

/// <summary>Bad JSON input through the real executable and the real file reader: every line gets a defined
/// result, the run finishes, and the lines that did not decode are told on stderr.</summary>
public sealed class StructuredInputTests
{
    [Fact]
    public async Task Bad_json_lines_are_counted_and_the_good_ones_still_count()
    {
        using var dir = new TempDirectory();
        var program = Path.Combine(dir.Path, "levels.rules");
        await File.WriteAllTextAsync(program, "counter log_lines_total by level\njson {\n  log_lines_total[$level]++\n}\n");

        var log = Path.Combine(dir.Path, "app.log");
        using (var file = File.Create(log))
        {
            void Line(string text) => file.Write(Encoding.UTF8.GetBytes(text + "\n"));
            Line("{\"level\":\"info\"}");
            // Invalid UTF-8 inside a string: the reader decodes each bad byte as U+FFFD, the line still decodes.
            file.Write([.. Encoding.UTF8.GetBytes("{\"level\":\"bad"), 0xFF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}\n")]);
            Line("{\"level\":\"info\"");                                                   // truncated
            Line("not json");
            Line("{\"level\":" + new string('[', 10_000) + new string(']', 10_000) + "}");   // too deep
            Line("{\"msg\":\"" + new string('x', 10 << 20) + "\",\"level\":\"huge\"}");      // cut at --max-line-bytes
            Line("{\"level\":\"warn\",\"level\":\"error\"}");                               // duplicate key: last wins
            Line("{\"level\":\"info\"}");
        }

        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot"], timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("log_lines_total{level=\"info\",prog=\"levels.rules\"} 2", result.Stdout);
        Assert.Contains("log_lines_total{level=\"bad\uFFFD\uFFFD(\",prog=\"levels.rules\"} 1", result.Stdout);
        Assert.Contains("log_lines_total{level=\"error\",prog=\"levels.rules\"} 1", result.Stdout);
        Assert.DoesNotContain("huge", result.Stdout);
        Assert.DoesNotContain("warn", result.Stdout);
        Assert.Contains("levels.rules: 4 of 8 lines did not decode as json or logfmt", result.Stderr);
    }
}
