using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Tests.Execution;

public sealed class EngineLoadTests
{
    // A match timeout of zero is one the regex constructor refuses: the program binds, and its code cannot be built.
    private static readonly EngineOptions NoTimeAllowed = new() { Parallel = false, MatchTimeout = TimeSpan.Zero };

    [Fact]
    public void ACodegenFailureIsALoadErrorAndRegistersNoFamily()
    {
        var store = new MetricStore();
        using var engine = new Engine(store, NoTimeAllowed);

        var result = engine.Load("p.mtail", "counter c\n/a/ {\n  c++\n}\n");

        Assert.False(result.Loaded);
        Assert.Empty(result.Diagnostics);
        Assert.StartsWith("its code could not be built: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("matchTimeout", result.Error, StringComparison.Ordinal);
        Assert.Empty(store.Snapshot());
        Assert.Empty(engine.Programs);
    }

    [Fact]
    public void AReloadWhoseCodegenFailsKeepsThePreviousVersionAndItsFamilies()
    {
        var store = new MetricStore();
        using var engine = new Engine(store, NoTimeAllowed);
        // Without a regex the code builds under any timeout.
        Assert.True(engine.Load("p.mtail", "counter a\ncounter b\na++\nb++\n").Loaded);

        var reload = engine.Load("p.mtail", "counter a\ncounter c\n/x/ {\n  c++\n}\na++\n");

        Assert.False(reload.Loaded);
        Assert.NotNull(reload.Error);
        Assert.Equal(["a", "b"], store.Snapshot().Select(f => f.Descriptor.Name).Order(StringComparer.Ordinal));
        engine.OnLines(LineBatch.Single("f", "x", 0));
        Assert.All(store.Snapshot(), f => Assert.Equal(1, Assert.Single(f.SnapshotSeries()).IntValue));
    }

    [Fact]
    public void ALoadedProgramRegistersItsFamilies()
    {
        var store = new MetricStore();
        using var engine = new Engine(store, new EngineOptions { Parallel = false });

        var result = engine.Load("p.mtail", "counter c\n/a/ {\n  c++\n}\n");

        Assert.True(result.Loaded);
        Assert.Null(result.Error);
        Assert.Equal("c", Assert.Single(store.Snapshot()).Descriptor.Name);
    }
}
