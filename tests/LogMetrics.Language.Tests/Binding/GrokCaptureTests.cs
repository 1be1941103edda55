using LogMetrics.Language.Tests.Support;

namespace LogMetrics.Language.Tests.Binding;

/// <summary>Grok references in a program: a bad name or type is a diagnostic at its place in the regex, and
/// `%{NAME:capture:int|float}` types the capture (else it is a String).</summary>
public sealed class GrokCaptureTests
{
    public static TheoryData<string, string, string> Diagnostics() => new()
    {
        { "LM3001", "unknown grok pattern 'NOPE'", "counter c\n/x [|%{NOPE}|] y/ {\n  c++\n}\n" },
        { "LM3001", "unknown grok pattern 'IPV5'", "counter c by ip\n/^[|%{IPV5:ip}|]$/ {\n  c[$ip]++\n}\n" },
        { "LM3001", "unknown grok pattern 'nginx_access'", "counter c\nconst P /[|%{nginx_access}|]/\nP {\n  c++\n}\n" },
        { "LM3015", "invalid grok capture type 'bool'", "counter c by n\n/a [|%{INT:n:bool}|]/ {\n  c[$n]++\n}\n" },
        { "LM3015", "invalid grok capture type 'long'", "gauge g\n/[|%{NUMBER:x:long}|]/ {\n  g = $x\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Diagnostics))]
    public void BadReferenceIsReportedWhereItIsWritten(string code, string message, string annotated)
    {
        var expected = AnnotatedText.Parse(annotated);
        var compilation = Compiler.Compile("test.rules", expected.Text, new CompilerOptions());
        Assert.False(compilation.Success);
        var all = string.Join("\n", compilation.Diagnostics.Select(d => $"{d} [{d.Span.Length}]"));

        // One place and one message (a const's error may be told both at the const and where it is used, at one span).
        var reported = compilation.Diagnostics.Where(d => d.Code == code).Select(d => (d.Message, d.Span.Line, d.Span.Column, d.Span.Length)).Distinct().ToList();
        Assert.True(reported.Count == 1, $"expected {code} at {expected.Span}; got:\n{all}");
        Assert.Equal((message, expected.Span.Line, expected.Span.Column, expected.Span.Length), reported[0]);
    }

    [Fact]
    public void UnknownNameHintsAtCloseNames()
    {
        var compilation = Compiler.Compile("t.rules", "counter c\n/%{IPV5}/ {\n  c++\n}\n", new CompilerOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics, d => d.Code == "LM3001");
        Assert.Equal("did you mean IPV4, IPV6, IP?", diagnostic.Hint);
    }

    [Theory]
    [InlineData("%{INT:v:int}", "Int")]
    [InlineData("%{NUMBER:v:int}", "Int")]
    [InlineData("%{NUMBER:v:float}", "Float")]
    [InlineData("%{INT:v:float}", "Float")]
    [InlineData("%{NUMBER:v:string}", "String")]
    [InlineData("%{NUMBER:v}", "String")]
    [InlineData("%{WORD:v:int}", "Int")]
    public void TypeSuffixTypesTheCapture(string reference, string type)
    {
        var compilation = Compiler.Compile("t.rules", $"gauge g\n/^{reference}$/ {{\n  g = $v\n}}\n", new CompilerOptions());
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        Assert.Equal(type, Assert.Single(compilation.Program!.Metrics).ValueType.ToString());
    }
}
