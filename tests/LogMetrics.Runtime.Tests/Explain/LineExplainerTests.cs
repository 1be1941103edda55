using LogMetrics.Language.Patterns;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Runtime.Tests.Explain;

public sealed class LineExplainerTests
{
    private const string Program = """
        counter requests_total by method
        gauge last_size
        counter other_total
        const PREFIX /^(?P<method>[A-Z]+) /

        PREFIX + /\S+ (?P<size>\d+)$/ {
          requests_total[$method]++
          last_size = $size
          $size > 100 {
            last_size = $size / ($size - $size)
          }
        }
        /^other/ {
          other_total++
        }
        """;

    private static LineExplainer Create(string text = Program)
    {
        var explainer = LineExplainer.Create("web.rules", text, new EngineOptions(), out var diagnostics, out _);
        Assert.True(explainer is not null, string.Join("\n", diagnostics));
        return explainer;
    }

    [Fact]
    public void MatchShowsCapturesStepsAndSeriesBeforeAndAfter()
    {
        var explainer = Create();
        explainer.Run("GET /a 10", "test");
        var explanation = explainer.Explain("GET /b 20", 2, "test");

        Assert.True(explanation.Matched);
        var first = explanation.Patterns[0];
        Assert.Equal(@"^(?P<method>[A-Z]+) \S+ (?P<size>\d+)$", first.Text);
        Assert.True(first.Reached);
        Assert.True(first.Matched);
        Assert.Equal(6, first.Span.Line);
        Assert.Contains(first.Captures, c => c.Name == "method" && c.Value == "GET" && c.Type == CaptureType.String);
        Assert.Contains(first.Captures, c => c.Name == "size" && c.Value == "20" && c.Type == CaptureType.Int);

        Assert.Equal(
            ["PREFIX + /\\S+ (?P<size>\\d+)$/ {", "requests_total[$method]++", "last_size = $size", "$size > 100 {", "/^other/ {"],
            explanation.Steps.Select(s => s.Source));
        Assert.Equal("matched: block runs", explanation.Steps[0].Outcome);
        Assert.Equal("false: block skipped", explanation.Steps[3].Outcome);

        var requests = Assert.Single(explanation.Series, s => s.Metric == "requests_total");
        Assert.Equal(("1", "2"), (requests.Before, requests.After));
        Assert.Equal(new KeyValuePair<string, string>("method", "GET"), Assert.Single(requests.Labels));
        var size = Assert.Single(explanation.Series, s => s.Metric == "last_size");
        Assert.Equal(("10", "20"), (size.Before, size.After));
        Assert.Null(explanation.Error);
    }

    [Fact]
    public void MissShowsHowFarEachPatternGot()
    {
        var explanation = Create().Explain("GET /a big", 1, "test");
        Assert.False(explanation.Matched);
        var first = explanation.Patterns[0];
        Assert.False(first.Matched);
        Assert.Equal("GET /a ".Length, first.Progress!.MatchEnd);
        Assert.Equal("[0-9]+", first.Progress.FailedPart);
        Assert.Equal("(?P<size>...)", first.Progress.FailedIn);
        Assert.Equal(0, explanation.Patterns[1].Progress!.MatchEnd);
        Assert.Empty(explanation.Series);
    }

    [Fact]
    public void RuntimeErrorIsShownWhereItHappens()
    {
        var explanation = Create().Explain("GET /a 500", 1, "test");
        Assert.NotNull(explanation.Error);
        Assert.Equal(10, explanation.ErrorAt!.Value.Line);
        Assert.Equal("runtime error", explanation.Steps.Last().Outcome);
        Assert.Equal("last_size = $size / ($size - $size)", explanation.Steps.Last().Source);
        // The rest of the program is skipped: /^other/ never ran.
        Assert.False(explanation.Patterns[1].Reached);
    }

    [Fact]
    public void GrokReferencesAreShownWithTheirDefinitions()
    {
        var explainer = Create("counter c_total by verb\n/^%{WORD:verb} %{INT:n:int}$/ {\n  c_total[$verb] += $n\n}\n");
        var explanation = explainer.Explain("PUT 7", 1, "test");
        var pattern = explanation.Patterns[0];
        Assert.Contains(pattern.Grok, g => g.Reference == "%{WORD:verb}" && g.Definition == GrokLibrary.Default.GetDefinition("WORD"));
        Assert.Contains(pattern.Captures, c => c.Name == "n" && c.Type == CaptureType.Int && c.TypeDeclared && c.Value == "7");
        Assert.Equal(("7"), Assert.Single(explanation.Series).After);
    }

    [Fact]
    public void DecoratorBodiesRunInsideTheDecorator()
    {
        var explainer = Create("counter c_total\ndef wrap {\n  /^x/ {\n    next\n  }\n}\n@wrap {\n  c_total++\n}\n");
        var explanation = explainer.Explain("x1", 1, "test");
        Assert.True(explanation.Matched);
        Assert.Contains(explanation.Steps, s => s.Source == "c_total++" && s.Outcome == "ran");
        Assert.Equal(("0", "1"), (Assert.Single(explanation.Series).Before ?? "0", Assert.Single(explanation.Series).After));
    }
}
