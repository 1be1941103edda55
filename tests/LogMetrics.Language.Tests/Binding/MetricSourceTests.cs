using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Binding;

/// <summary>The `defined at` position of a metric, as mtail's position.String prints it.</summary>
public sealed class MetricSourceTests
{
    [Theory]
    [InlineData("counter c\nc++\n", "t.mtail:1:9")]
    [InlineData("counter hits\nhits++\n", "t.mtail:1:9-12")]
    [InlineData("gauge ab\nab = 1\n", "t.mtail:1:7-8")]
    public void End_column_is_printed_only_when_it_differs_from_the_start(string text, string source)
    {
        var compilation = Compiler.Compile("t.mtail", text, new CompilerOptions { Grok = GrokLibrary.Default });

        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        Assert.Equal(source, Assert.Single(compilation.Program!.Metrics).Source);
    }
}
