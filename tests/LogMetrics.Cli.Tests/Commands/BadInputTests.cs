using System.Diagnostics;
using System.Text;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

/// <summary>Hostile logs and programs: processed or counted, never a crash or a hang.</summary>
public sealed class BadInputTests
{
    private const string CountEverything = """
        counter lines_total
        counter words_total by word

        /$/ {
          lines_total++
        }
        /^(?P<word>\w+)/ {
          words_total[$word]++
        }
        """;

    [Fact]
    public async Task InvalidUtf8NulBytesAndATenMegabyteLineAreProcessed()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("count.rules", CountEverything);
        var log = dir["bad.log"];
        using (var file = File.Create(log))
        {
            file.Write("alpha ok\n"u8);
            file.Write([0x62, 0x65, 0x74, 0x61, 0xff, 0xfe, 0xc3, 0x28, 0x0a]); // "beta" + invalid UTF-8
            file.Write("gamma\0with\0nuls\n"u8);
            file.Write(Encoding.ASCII.GetBytes(new string('x', 10 << 20)));
            file.Write("\n"u8);
            file.Write("delta last line without newline"u8);
        }

        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--one-shot"], timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, ExpositionParser.Value(result.Stdout, "lines_total"));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "words_total", ("word", "alpha")));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "words_total", ("word", "beta")));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "words_total", ("word", "gamma")));
        Assert.Equal(1, ExpositionParser.Value(result.Stdout, "words_total", ("word", "delta")));
    }

    [Fact]
    public async Task APathologicalLineTimesOutAndIsCountedWhileOtherLinesGoOn()
    {
        using var dir = new TempDirectory();
        // Overlapping alternatives under a quantifier backtrack exponentially on a near-miss. (Not `(a+)+`: with its
        // group unread it is compiled as `(?:a+)+`, which .NET's optimizer reduces to a linear `a+`.)
        var program = dir.Write("evil.rules", """
            counter evil_total
            counter lines_total

            /$/ {
              lines_total++
            }
            /^(a|aa)+$/ {
              evil_total++
            }
            """);
        var log = dir.Write("evil.log", "aaaa\n" + new string('a', 5000) + "!\n" + "aa\n");

        var clock = Stopwatch.StartNew();
        var result = await LogMetricsCli.RunAsync(
            ["run", "--progs", program, "--logs", log, "--one-shot", "--match-timeout", "200ms"], timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(3, ExpositionParser.Value(result.Stdout, "lines_total"));
        Assert.Equal(2, ExpositionParser.Value(result.Stdout, "evil_total"));
        Assert.Contains("runtime error", result.Stderr);
    }

    [Fact]
    public async Task ABadProgramIsReportedAndTheGoodOnesStillCompile()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/good.rules", CountEverything);
        dir.Write("progs/bad.rules", "counter c\n/(/ {\n  c++\n}\n/x/ {\n  nope++\n}\n");

        var result = await LogMetricsCli.RunAsync(["check", dir["progs"]]);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"bad\.rules:2:\d+: error LM3\d{3}: ", result.Stderr);
        Assert.Matches(@"bad\.rules:6:3: error LM2\d{3}: ", result.Stderr);
        Assert.DoesNotContain("good.rules", result.Stderr);
    }
}
