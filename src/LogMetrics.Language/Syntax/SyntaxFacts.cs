using Antlr4.Runtime;
using LogMetrics.Language.Syntax.Generated;

namespace LogMetrics.Language.Syntax;

/// <summary>Facts about the language's tokens for tools that write programs (the grok_exporter importer).</summary>
public static class SyntaxFacts
{
    /// <summary>True when <paramref name="name"/> lexes as one identifier, as the grammar's lexer sees it: not a
    /// keyword (<c>counter</c>, <c>by</c>...) nor a name the lexer takes as a builtin (<c>len</c>, <c>strptime</c>...),
    /// so that it can name a metric, a const or a decorator.</summary>
    public static bool IsIdentifier(string name)
    {
        var lexer = new RulesLexer(new AntlrInputStream(name));
        lexer.RemoveErrorListeners();
        var first = lexer.NextToken();
        return first.Type == RulesLexer.ID && first.Text == name && lexer.NextToken().Type == TokenConstants.EOF;
    }
}
