using System.Text.RegularExpressions;
using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;
using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests.Execution;

public sealed class EngineTests
{
    [Fact]
    public void MatchWithBeginningAndLengthAnchorsAtTheLine()
    {
        // The engine matches lines inside a batch's text with Match(text, start, length): ^, $ and \z must see only the line.
        const string text = "xx abc yy\nabc\n";
        Assert.True(new Regex("^abc$").Match(text, 10, 3).Success);
        Assert.True(new Regex(@"^abc\z").Match(text, 10, 3).Success);
        Assert.False(new Regex("^abc").Match(text, 0, 9).Success);
        Assert.False(new Regex("yy$").Match(text, 0, 6).Success);
    }

    [Fact]
    public void BatchLinesAreMatchedOneByOne()
    {
        using var harness = new EngineHarness("p.mtail", "counter c\n/^abc$/ {\n  c++\n}\n");
        harness.Feed("f", ["xx abc yy", "abc", "abcd"]);
        Assert.Equal("1", harness.Value("c"));
        var status = Assert.Single(harness.Engine.Programs);
        Assert.Equal(3, status.LinesProcessed);
        Assert.Equal(1, status.LinesMatched);
    }

    [Fact]
    public void ReloadKeepsStateWhenUnchangedAndPreviousVersionOnError()
    {
        using var harness = new EngineHarness("p.mtail", "counter c\n/a/ {\n  c++\n}\n");
        harness.Feed("f", ["a"]);
        var again = harness.Engine.Load("p.mtail", "counter c\n/a/ {\n  c++\n}\n");
        Assert.True(again.Unchanged);
        var broken = harness.Engine.Load("p.mtail", "counter c\n/a/ {\n  c+++\n}\n");
        Assert.False(broken.Loaded);
        harness.Feed("f", ["a"]);
        Assert.Equal("2", harness.Value("c"));
        Assert.True(harness.Engine.Unload("p.mtail"));
        Assert.Null(harness.Family("c"));
    }

    [Fact]
    public void ParallelWorkersDrain()
    {
        var store = new MetricStore();
        using var engine = new Engine(store, new EngineOptions { Parallel = true });
        engine.Load("a.mtail", "counter a\n/x/ {\n  a++\n}\n");
        engine.Load("b.mtail", "counter b\n// {\n  b++\n}\n");
        for (var i = 0; i < 100; i++)
        {
            engine.OnLines(LineBatch.Single("f", "x", 0));
        }

        engine.Drain();
        Assert.All(engine.Programs, p => Assert.Equal(100, p.LinesProcessed));
    }

    [Fact]
    public void SelfMetricsAreRegistered()
    {
        var store = new MetricStore();
        using var engine = new Engine(store, new EngineOptions { Parallel = false, SelfMetrics = true });
        engine.Load("a.mtail", "counter a\n/x/ {\n  a++\n}\n");
        engine.OnLines(LineBatch.Single("f", "x", 0));
        var lines = store.Snapshot().Single(f => f.Descriptor.Name == "logmetrics_program_lines_total");
        Assert.Equal(1, Assert.Single(lines.SnapshotSeries()).IntValue);
    }
}
