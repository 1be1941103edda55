using System.Diagnostics;
using LogMetrics.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace LogMetrics.Runtime.Tests;

public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void ApacheCombinedRunsManyLinesPerSecond()
    {
        var program = File.ReadAllText(Path.Combine(SharedPaths.MtailExamples, "apache_combined.mtail"));
        var log = File.ReadAllLines(Path.Combine(SharedPaths.MtailConformance, "testdata", "apache-combined.log"));
        var lines = Enumerable.Range(0, 200_000 / log.Length + 1).SelectMany(_ => log).Take(200_000).ToList();
        using var harness = new EngineHarness("apache_combined.mtail", program);
        harness.Feed("warmup", lines.Take(10_000));
        var stopwatch = Stopwatch.StartNew();
        harness.Feed("f", lines);
        var perSecond = lines.Count / stopwatch.Elapsed.TotalSeconds;
        output.WriteLine($"{perSecond:N0} lines/s");
        Assert.True(perSecond > 10_000, $"{perSecond:N0} lines/s");
    }
}
