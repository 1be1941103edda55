using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;
using LogMetrics.Language.Tests.Support;

namespace LogMetrics.Language.Tests.Syntax;

public sealed class ParserTests
{
    private static ExpressionSyntax ParseExpression(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var unit = SyntaxTree.Parse("test.rules", text + "\n", diagnostics);
        Assert.True(unit is not null, string.Join("\n", diagnostics));
        return Assert.IsType<ExpressionStatementSyntax>(Assert.Single(unit!.Statements)).Expression;
    }

    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("1 << 4 | 1", "((1 << 4) | 1)")]
    [InlineData("10 - 2 - 3", "((10 - 2) - 3)")]
    [InlineData("2 ** 3 ** 2", "((2 ** 3) ** 2)")]
    [InlineData("a & 1 == 1", "(a & (1 == 1))")]
    [InlineData("a < 1 && b > 2 || c", "(((a < 1) && (b > 2)) || c)")]
    [InlineData("$1 =~ /x/ && $2 !~ /y/", "(($1 =~ /x/) && ($2 !~ /y/))")]
    [InlineData("x = 1 + 2", "(x = (1 + 2))")]
    [InlineData("x += y * 2", "(x += (y * 2))")]
    [InlineData("x -= 1", "(x -= 1)")]
    [InlineData("c[$1][$2]++", "(c[$1, $2]++)")]
    [InlineData("c[$1, $2]--", "(c[$1, $2]--)")]
    [InlineData("~a + 1", "((~a) + 1)")]
    [InlineData("!a && b", "((!a) && b)")]
    [InlineData("-a * 2", "((-a) * 2)")]
    [InlineData("x - -1", "(x - -1)")]
    [InlineData("a / b / 2", "((a / b) / 2)")]
    [InlineData("$1 / 2", "($1 / 2)")]
    [InlineData("(a) / (b)", "(a / b)")]
    [InlineData("7 % 3 * 2", "((7 % 3) * 2)")]
    [InlineData("1 + 2 < 3 << 1", "((1 + 2) < (3 << 1))")]
    [InlineData("a ^ b | c & d", "(((a ^ b) | c) & d)")]
    [InlineData("/a/ + X + /b\\/c/", "((/a/ + X) + /b/c/)")]
    [InlineData("strptime($1, \"2006\")", "strptime($1, \"2006\")")]
    [InlineData("defined($x) && len($x) > 0", "(defined($x) && (len($x) > 0))")]
    [InlineData("x = \"a\\\"b\\n\"", "(x = \"a\"b\\n\")")]
    [InlineData("x = 1.5e3 + .5", "(x = (1.5e3 + .5))")]
    [InlineData("$request.method == \"GET\"", "($request[\"method\"] == \"GET\")")]
    [InlineData("c[$headers[\"user-agent\"]][$items[0].id]++", "(c[$headers[\"user-agent\"], $items[0][\"id\"]]++)")]
    [InlineData("$[\"@timestamp\"] =~ /x/", "($[\"@timestamp\"] =~ /x/)")]
    [InlineData("$log.counter.by + 1", "($log[\"counter\"][\"by\"] + 1)")]
    [InlineData("$msg =~ json", "($msg =~ json)")]
    public void ParsesWithPrecedence(string text, string expected) =>
        Assert.Equal(expected, SyntaxPrinter.Print(ParseExpression(text)));

    [Fact]
    public void ParsesSummaryUpperBoundAndRetentionClauses()
    {
        const string text = """
            summary s by path quantiles 0.5, 0.9,
              0.99 errors 0.05, 0.01, 0.001 max_age 2m retention 1h
            histogram h le 0.005, 1
            counter quantiles by max_age retention 5m
            """;
        var diagnostics = new List<Diagnostic>();
        var unit = SyntaxTree.Parse("t.rules", text, diagnostics);
        Assert.True(unit is not null && diagnostics.Count == 0, string.Join("\n", diagnostics));
        var s = Assert.IsType<MetricDeclarationSyntax>(unit!.Statements[0]);
        Assert.Equal(MetricKindSyntax.Summary, s.Kind);
        Assert.Equal([0.5, 0.9, 0.99], s.Quantiles);
        Assert.Equal([0.05, 0.01, 0.001], s.QuantileErrors);
        Assert.Equal(TimeSpan.FromMinutes(2), s.MaxAge);
        Assert.Equal(TimeSpan.FromHours(1), s.Retention);
        var h = Assert.IsType<MetricDeclarationSyntax>(unit.Statements[1]);
        Assert.Equal([double.NegativeInfinity, 0.005, 1], h.Buckets);
        var c = Assert.IsType<MetricDeclarationSyntax>(unit.Statements[2]);
        Assert.Equal("quantiles", c.Name);
        Assert.Equal(["max_age"], c.Keys);
        Assert.Equal(TimeSpan.FromMinutes(5), c.Retention);
    }

    [Fact]
    public void ParsesDeclarationsAndStatements()
    {
        const string text = """
            hidden counter a by x, "y" as "a-b" limit 10 help "things" init ["1", "2"], ["3", "4"]
            histogram h buckets -1, 0, 1.5
            const P /x/ +
              /y/
            def d {
              /z/ {
                next
              }
            }
            @d {
              P {
                a[1, 2]++
              } else {
                stop
              }
              otherwise {
                del a[1][2] after 1h30m
              }
            }
            """;
        var diagnostics = new List<Diagnostic>();
        var unit = SyntaxTree.Parse("t.rules", text, diagnostics);
        Assert.True(unit is not null, string.Join("\n", diagnostics));
        var a = Assert.IsType<MetricDeclarationSyntax>(unit!.Statements[0]);
        Assert.True(a.Hidden);
        Assert.Equal(["x", "y"], a.Keys);
        Assert.Equal("a-b", a.ExportName);
        Assert.Equal(10, a.Limit);
        Assert.Equal("things", a.Help);
        Assert.Equal(2, a.InitialLabelSets.Count);
        Assert.Equal(["3", "4"], a.InitialLabelSets[1].Values);
        var h = Assert.IsType<MetricDeclarationSyntax>(unit.Statements[1]);
        Assert.Equal([-1.0, 0.0, 1.5], h.Buckets);
        Assert.IsType<ConstDeclarationSyntax>(unit.Statements[2]);
        Assert.IsType<DecoratorDefinitionSyntax>(unit.Statements[3]);
        var deco = Assert.IsType<DecoratorStatementSyntax>(unit.Statements[4]);
        var conditional = Assert.IsType<ConditionalStatementSyntax>(deco.Body.Statements[0]);
        Assert.NotNull(conditional.Else);
        var otherwise = Assert.IsType<OtherwiseStatementSyntax>(deco.Body.Statements[1]);
        var delete = Assert.IsType<DeleteStatementSyntax>(otherwise.Body.Statements[0]);
        Assert.Equal(TimeSpan.FromMinutes(90), delete.After);
    }

    [Fact]
    public void SpansAreOneBased()
    {
        var diagnostics = new List<Diagnostic>();
        var unit = SyntaxTree.Parse("t.rules", "counter x\n  x++\n", diagnostics)!;
        var declaration = Assert.IsType<MetricDeclarationSyntax>(unit.Statements[0]);
        Assert.Equal(new SourceSpan("t.rules", 1, 9, 1), declaration.NameSpan);
        Assert.Equal(new SourceSpan("t.rules", 2, 3, 3), unit.Statements[1].Span);
    }

    [Theory]
    [InlineData("counter x\n/a/ {\n  x++\n[|;|]\n}\n", "LM1003")]
    [InlineData("counter x\nx = [|)|]\n", "LM1001")]
    [InlineData("x = [|\"abc|]\n", "LM1002")]
    [InlineData("counter x\n/a/ {\n  x++\n} [|}|]\n", "LM1001")]
    [InlineData("counter [|{|]\n", "LM1001")]
    [InlineData("counter x [|bogus|] \"z\"\n", "LM1006")]
    [InlineData("counter x\ndel x[1] after [|5x|]\n", "LM1001")]
    public void ReportsSyntaxErrorsAtPosition(string annotated, string code)
    {
        var expected = AnnotatedText.Parse(annotated);
        var diagnostics = new List<Diagnostic>();
        SyntaxTree.Parse("test.rules", expected.Text, diagnostics);
        Assert.Contains(diagnostics, d => d.Code == code && d.Span.Line == expected.Span.Line && d.Span.Column == expected.Span.Column);
    }

    [Fact]
    public void CollectsAllSyntaxErrors()
    {
        var diagnostics = new List<Diagnostic>();
        SyntaxTree.Parse("t.rules", "counter x\nx = )\nx = ]\n", diagnostics);
        Assert.True(diagnostics.Count >= 2, string.Join("\n", diagnostics));
        Assert.Contains("unexpected ')'", diagnostics[0].Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles("/usr/share/doc/mtail/examples", "*.mtail").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void MtailExamplesParse(string name)
    {
        var diagnostics = new List<Diagnostic>();
        var unit = SyntaxTree.Parse(name, File.ReadAllText(Path.Combine("/usr/share/doc/mtail/examples", name)), diagnostics);
        Assert.True(unit is not null, string.Join("\n", diagnostics));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void MtailExamplesCompile(string name)
    {
        var compilation = Compiler.Compile(name, File.ReadAllText(Path.Combine("/usr/share/doc/mtail/examples", name)), new CompilerOptions());
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
    }
}
