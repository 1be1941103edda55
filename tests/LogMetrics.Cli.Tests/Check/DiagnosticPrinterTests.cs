using LogMetrics.Cli.Check;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Cli.Tests.Check;

public sealed class DiagnosticPrinterTests
{
    [Fact]
    public void PrintsLocationSourceLineMarkerAndHint()
    {
        const string source = "counter a by b\n/(?P<status>\\d+)/ {\n  a[$stauts]++\n}\n";
        var diagnostic = new Diagnostic("LM2003", DiagnosticSeverity.Error, new SourceSpan("x.rules", 3, 5, 7), "unknown capture 'stauts'", "captures in scope: status");
        var output = new StringWriter();
        DiagnosticPrinter.Print(output, diagnostic, source);
        Assert.Equal(
            "x.rules:3:5: error LM2003: unknown capture 'stauts'\n  a[$stauts]++\n    ^~~~~~~\n  hint: captures in scope: status\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("abc", 1, 1, "^")]
    [InlineData("abc", 2, 0, " ^")]
    [InlineData("abc", 2, 10, " ^~")]
    [InlineData("\tx = 1", 2, 1, "\t^")]
    [InlineData("abc", 9, 2, "   ^")]
    public void MarkerLinesUpUnderTheSpan(string line, int column, int length, string marker) =>
        Assert.Equal(marker, DiagnosticPrinter.Marker(line, column, length));

    [Fact]
    public void WarningsArePrintedAsWarnings()
    {
        var diagnostic = new Diagnostic("LM2100", DiagnosticSeverity.Warning, new SourceSpan("x.rules", 1, 1, 1), "unused");
        var output = new StringWriter();
        DiagnosticPrinter.Print(output, diagnostic, "a\n");
        Assert.StartsWith("x.rules:1:1: warning LM2100: unused", output.ToString());
    }
}
