using LogMetrics.Runtime.Explain;

namespace LogMetrics.Runtime.Tests.Explain;

public sealed class LineExplainerLoadTests
{
    [Fact]
    public void AProgramWhoseCodeCannotBeBuiltIsAnErrorNotAnException()
    {
        // A zero match timeout is refused by the regex constructor: the program binds, its code cannot be built.
        var explainer = LineExplainer.Create("p.rules", "counter c\n/a/ {\n  c++\n}\n", new EngineOptions { MatchTimeout = TimeSpan.Zero }, out var diagnostics, out var error);

        Assert.Null(explainer);
        Assert.Empty(diagnostics);
        Assert.StartsWith("its code could not be built: ", error, StringComparison.Ordinal);
    }
}
