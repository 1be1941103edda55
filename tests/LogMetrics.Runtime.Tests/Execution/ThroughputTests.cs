using System.Diagnostics;
using LogMetrics.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace LogMetrics.Runtime.Tests.Execution;

/// <summary>A large batch through the parallel engine loses nothing. Speed is measured by bench/run.sh, not asserted here:
/// a timed assertion fails on a loaded machine and proves nothing about the benchmark.</summary>
public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void ApacheCombined_counts_every_line_of_a_large_batch()
    {
        var program = File.ReadAllText(Path.Combine(SharedPaths.MtailExamples, "apache_combined.mtail"));
        var log = File.ReadAllLines(Path.Combine(SharedPaths.MtailConformance, "testdata", "apache-combined.log"));
        var lines = Enumerable.Range(0, 200_000 / log.Length + 1).SelectMany(_ => log).Take(200_000).ToList();

        using var reference = new EngineHarness("apache_combined.mtail", program);
        reference.Feed("one", log);
        var perCopy = Total(reference);
        Assert.True(perCopy > 0, "the sample log matched nothing");

        using var harness = new EngineHarness("apache_combined.mtail", program);
        var stopwatch = Stopwatch.StartNew();
        harness.Feed("f", lines);
        output.WriteLine($"{lines.Count / stopwatch.Elapsed.TotalSeconds:N0} lines/s (informational)");

        var copies = lines.Count / log.Length;
        var rest = lines.Skip(copies * log.Length).ToList();
        using var tail = new EngineHarness("apache_combined.mtail", program);
        tail.Feed("rest", rest);
        // The sample has lines mtail's program cannot convert ('-' sizes): as many errors per copy, no more.
        Assert.Equal(reference.Errors.Count * copies + tail.Errors.Count, harness.Errors.Count);
        Assert.Equal(perCopy * copies + Total(tail), Total(harness));
    }

    private static long Total(EngineHarness harness) =>
        harness.Family("apache_http_requests_total")!.SnapshotSeries().Sum(s => s.IntValue);
}
