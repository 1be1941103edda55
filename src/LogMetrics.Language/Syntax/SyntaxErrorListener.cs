using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax.Generated;

namespace LogMetrics.Language.Syntax;

/// <summary>Collects every syntax error, worded like mtail's ("unexpected '}', expecting end of line").</summary>
internal sealed class SyntaxErrorListener : BaseErrorListener, IAntlrErrorListener<int>
{
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;

    public SyntaxErrorListener(string file, List<Diagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    // The lexer never fails: unknown characters become ERROR_CHARACTER tokens that the parser reports.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
    }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        var length = offendingSymbol.Type == TokenConstants.EOF ? 1 : Math.Max(1, offendingSymbol.StopIndex - offendingSymbol.StartIndex + 1);
        var span = new SourceSpan(_file, line, charPositionInLine + 1, length);
        if (_diagnostics.Count > 0 && _diagnostics[^1].Span.Line == span.Line && _diagnostics[^1].Span.Column == span.Column)
        {
            return;
        }

        switch (offendingSymbol.Type)
        {
            case RulesLexer.UNTERMINATED_STRING:
                _diagnostics.Add(DiagnosticMessages.UnterminatedString(span));
                return;
            case RulesLexer.ERROR_CHARACTER:
                _diagnostics.Add(DiagnosticMessages.UnexpectedCharacter(span, offendingSymbol.Text));
                return;
        }

        IntervalSet? expected = null;
        if (recognizer is Parser parser)
        {
            try
            {
                expected = e?.GetExpectedTokens() ?? parser.GetExpectedTokens();
            }
            catch (ArgumentException)
            {
                expected = null;
            }
        }

        _diagnostics.Add(DiagnosticMessages.UnexpectedToken(span, Describe(offendingSymbol), DescribeExpected(expected)));
    }

    internal static string Describe(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "end of file",
        RulesLexer.NL => "end of line",
        RulesLexer.ID => $"name '{token.Text}'",
        RulesLexer.INTLITERAL or RulesLexer.FLOATLITERAL => $"number {token.Text}",
        RulesLexer.STRING => $"string {token.Text}",
        RulesLexer.REGEX => $"regex {token.Text}",
        RulesLexer.CAPREF or RulesLexer.CAPREF_NAMED => $"capture {token.Text}",
        RulesLexer.DURATION => $"duration {token.Text}",
        RulesLexer.DECO => $"decorator {token.Text}",
        _ => $"'{token.Text}'",
    };

    private static string? DescribeExpected(IntervalSet? expected)
    {
        if (expected is null || expected.Count == 0 || expected.Count > 6)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var type in expected.ToList())
        {
            names.Add(type switch
            {
                TokenConstants.EOF => "end of file",
                RulesLexer.NL => "end of line",
                RulesLexer.ID => "a name",
                RulesLexer.INTLITERAL => "an integer",
                RulesLexer.FLOATLITERAL => "a float",
                RulesLexer.STRING => "a string",
                RulesLexer.REGEX => "a regex",
                RulesLexer.DURATION => "a duration",
                RulesLexer.BUILTIN => "a builtin",
                RulesLexer.CAPREF or RulesLexer.CAPREF_NAMED => "a capture",
                RulesLexer.DECO => "a decorator",
                _ => RulesLexer.DefaultVocabulary.GetLiteralName(type) ?? RulesLexer.DefaultVocabulary.GetSymbolicName(type),
            });
        }

        return string.Join(" or ", names.Distinct());
    }
}
