using Antlr4.Runtime;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax.Generated;

namespace LogMetrics.Language.Syntax;

/// <summary>Parses program text into a <see cref="CompilationUnitSyntax"/>, collecting every syntax error.</summary>
internal static class SyntaxTree
{
    public static CompilationUnitSyntax? Parse(string fileName, string text, List<Diagnostic> diagnostics)
    {
        var start = diagnostics.Count;
        var listener = new SyntaxErrorListener(fileName, diagnostics);
        var lexer = new RulesLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        if (!NestingGuard.Check(fileName, tokens.GetTokens(), diagnostics))
        {
            return null;
        }

        var parser = new RulesParser(tokens);
        parser.RemoveErrorListeners();
        parser.AddErrorListener(listener);
        var tree = parser.compilationUnit();
        if (diagnostics.Count > start)
        {
            return null;
        }

        var unit = new SyntaxTreeBuilder(fileName, diagnostics).Build(tree);
        return diagnostics.Count > start ? null : unit;
    }

    /// <summary>The token kinds of a text, by their grammar names (for tests and --dump_tokens).</summary>
    public static IReadOnlyList<(string Kind, string Text)> Lex(string text)
    {
        var lexer = new RulesLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var result = new List<(string, string)>();
        for (var token = lexer.NextToken(); token.Type != TokenConstants.EOF; token = lexer.NextToken())
        {
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }

            result.Add((RulesLexer.DefaultVocabulary.GetSymbolicName(token.Type), token.Text));
        }

        return result;
    }

    /// <summary>Every token kind of the grammar (for the lexer completeness test).</summary>
    public static IReadOnlyList<string> TokenKinds
    {
        get
        {
            var names = new List<string>();
            for (var i = 1; i <= 128; i++)
            {
                var name = RulesLexer.DefaultVocabulary.GetSymbolicName(i);
                if (name is not null && name != "COMMENT" && name != "WS")
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }
}
