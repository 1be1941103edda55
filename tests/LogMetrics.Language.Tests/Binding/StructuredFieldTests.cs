using LogMetrics.Language.Binding;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Binding;

/// <summary>json and logfmt patterns: which fields the binder records (only those are decoded), how names resolve
/// between fields and regex captures, and the type a field is read as.</summary>
public sealed class StructuredFieldTests
{
    private static BoundProgram Bind(string text)
    {
        var compilation = Compiler.Compile("t.rules", text, new CompilerOptions { Grok = GrokLibrary.Default });
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        return compilation.Program!;
    }

    public static TheoryData<string, string, string[]> FieldsRead => new()
    {
        { "json", "counter c by m, s\njson {\n  c[$request.method][$status]++\n}\n", ["request.method", "status"] },
        { "json", "counter c by a\njson {\n  c[$headers[\"user-agent\"]]++\n  c[$items[0].id]++\n  c[$[\"@timestamp\"]]++\n  c[$status]++\n  c[$status]++\n}\n",
            ["headers[\"user-agent\"]", "items[0].id", "[\"@timestamp\"]", "status"] },
        { "json", "counter c\njson {\n  defined($a.b) {\n    c++\n  }\n}\n", ["a.b"] },
        { "json", "counter c\njson {\n  c++\n}\n", [] },
        // logfmt keys are flat: a dotted path is the key as written.
        { "logfmt", "counter c by m\nlogfmt {\n  c[$http.method]++\n  c[$[\"user-agent\"]]++\n}\n", ["[\"http.method\"]", "[\"user-agent\"]"] },
    };

    [Theory]
    [MemberData(nameof(FieldsRead))]
    public void RecordsOnlyTheFieldsTheProgramReads(string format, string text, string[] expected)
    {
        var pattern = Assert.Single(Bind(text).StructuredPatterns);
        Assert.Equal(format == "json" ? StructuredFormat.Json : StructuredFormat.Logfmt, pattern.Format);
        Assert.Equal(expected, pattern.Fields.Select(f => f.Text));
    }

    [Fact]
    public void ARegexCaptureNameWinsOverAFieldAndBracketsReachTheField()
    {
        var program = Bind("counter c by a, b, x\n/^(?P<level>\\w+) (?P<rest>.*)$/ {\n  $rest =~ json {\n    $msg =~ /(?P<user>\\w+)/ {\n      c[$level][$user][$[\"level\"]]++\n    }\n  }\n}\n");
        var json = Assert.Single(program.StructuredPatterns);
        // $level is the outer regex's capture (declared in the program); $["level"] is the JSON field.
        Assert.Equal(["msg", "level"], json.Fields.Select(f => f.Text));
        Assert.Equal(2, program.Patterns.Count);
        Assert.Equal([1, 2], program.Patterns[0].ReadGroups!.Order());
        Assert.Equal([1], program.Patterns[1].ReadGroups!.Order());
    }

    [Fact]
    public void AMetricNamedJsonIsAMetric()
    {
        var program = Bind("counter json\n/x/ {\n  json++\n}\n");
        Assert.Empty(program.StructuredPatterns);
    }

    [Theory]
    [InlineData("$status >= 500", BoundType.Int)]
    [InlineData("500 < $status", BoundType.Int)]
    [InlineData("$ratio > 0.5", BoundType.Float)]
    [InlineData("$level == \"error\"", BoundType.String)]
    [InlineData("int($status) == 1", BoundType.Int)]
    [InlineData("float($status) == 1", BoundType.Float)]
    public void AFieldIsReadAsTheTypeItsUseNeeds(string condition, BoundType expected)
    {
        var program = Bind($"counter c\njson {{\n  {condition} {{\n    c++\n  }}\n}}\n");
        var outer = (BoundConditionalStatement)program.Body.Statements[0];
        var inner = (BoundConditionalStatement)outer.Then.Statements[0];
        var comparison = Assert.IsType<BoundBinaryExpression>(inner.Condition);
        var field = new[] { comparison.Left, comparison.Right }.OfType<BoundCaptureReference>().Single();
        Assert.NotNull(field.Field);
        Assert.Equal(expected, field.Type);
    }

    [Fact]
    public void AFieldAsAConditionIsABoolean()
    {
        var program = Bind("counter c\njson {\n  $cached {\n    c++\n  }\n}\n");
        var inner = (BoundConditionalStatement)((BoundConditionalStatement)program.Body.Statements[0]).Then.Statements[0];
        Assert.Equal(BoundType.Bool, Assert.IsType<BoundCaptureReference>(inner.Condition).Type);
    }

    [Fact]
    public void AFieldStoredInACounterLeavesItsTypeToOtherAssignments()
    {
        var program = Bind("counter bytes\ngauge ratio\nhistogram h buckets 1, 2\njson {\n  bytes += $size\n  ratio = $r\n  ratio = 0.5\n  h = $d\n}\n");
        Assert.Equal(BoundType.Int, program.Metrics.Single(m => m.Name == "bytes").ValueType);
        Assert.Equal(BoundType.Float, program.Metrics.Single(m => m.Name == "ratio").ValueType);
    }

    [Fact]
    public void StoringAFieldIsNoStringStoreWarning()
    {
        var compilation = Compiler.Compile("t.rules", "counter bytes\ngauge g by k\njson {\n  bytes += $size\n  g[$k] = $v\n}\n", new CompilerOptions());
        Assert.Empty(compilation.Diagnostics);
    }

    [Fact]
    public void AFieldOutsideAStructuredPatternIsAnError()
    {
        var compilation = Compiler.Compile("t.rules", "counter c by m\n/x/ {\n  c[$[\"m\"]]++\n  c[$method]++\n}\n", new CompilerOptions());
        Assert.Contains(compilation.Diagnostics, d => d.Code == "LM2063" && d.Span.Line == 3);
        Assert.Contains(compilation.Diagnostics, d => d.Code == "LM2003" && d.Span.Line == 4);
    }
}
