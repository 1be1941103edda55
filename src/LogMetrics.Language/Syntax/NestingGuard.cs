using Antlr4.Runtime;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax.Generated;

namespace LogMetrics.Language.Syntax;

/// <summary>
/// Rejects token streams that would recurse too deeply in the parser, the binder or the compiled closures
/// (a stack overflow cannot be caught, so it would take the daemon down). The limits sit far above mtail's
/// own (an AST depth of 100), so no program mtail accepts is refused.
/// </summary>
internal static class NestingGuard
{
    public const int MaxNesting = 200;
    public const int MaxOperatorsPerStatement = 2000;

    /// <summary>Returns false, with a diagnostic, when the tokens nest or chain operators beyond the limits.</summary>
    public static bool Check(string fileName, IList<IToken> tokens, List<Diagnostic> diagnostics)
    {
        var depth = 0;
        var operators = 0;
        var previousWasOperator = false;
        foreach (var token in tokens)
        {
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                // Comments are kept for `fmt`; they neither nest nor end a statement.
                continue;
            }

            switch (token.Type)
            {
                case RulesLexer.LPAREN or RulesLexer.LSQUARE or RulesLexer.LCURLY:
                    if (++depth > MaxNesting)
                    {
                        diagnostics.Add(DiagnosticMessages.NestingTooDeep(SpanOf(fileName, token), MaxNesting));
                        return false;
                    }

                    if (token.Type == RulesLexer.LCURLY)
                    {
                        operators = 0;
                    }

                    break;
                case RulesLexer.RPAREN or RulesLexer.RSQUARE or RulesLexer.RCURLY:
                    depth = Math.Max(0, depth - 1);
                    if (token.Type == RulesLexer.RCURLY)
                    {
                        operators = 0;
                    }

                    break;
                case RulesLexer.NL:
                    // A newline after an operator continues the statement (mtail's opt_nl).
                    if (!previousWasOperator)
                    {
                        operators = 0;
                    }

                    continue;
            }

            previousWasOperator = IsOperator(token.Type);
            if (previousWasOperator && ++operators > MaxOperatorsPerStatement)
            {
                diagnostics.Add(DiagnosticMessages.StatementTooLong(SpanOf(fileName, token), MaxOperatorsPerStatement));
                return false;
            }
        }

        return true;
    }

    private static bool IsOperator(int type) => type is RulesLexer.PLUS or RulesLexer.MINUS or RulesLexer.MUL or RulesLexer.DIV
        or RulesLexer.MOD or RulesLexer.POW or RulesLexer.SHL or RulesLexer.SHR or RulesLexer.LE or RulesLexer.GE
        or RulesLexer.LT or RulesLexer.GT or RulesLexer.EQ or RulesLexer.NE or RulesLexer.MATCH or RulesLexer.NOT_MATCH
        or RulesLexer.ASSIGN or RulesLexer.ADD_ASSIGN or RulesLexer.SUB_ASSIGN or RulesLexer.AND or RulesLexer.OR
        or RulesLexer.BITAND or RulesLexer.BITOR or RulesLexer.XOR or RulesLexer.TILDE or RulesLexer.NOT;

    private static SourceSpan SpanOf(string fileName, IToken token) =>
        new(fileName, token.Line, token.Column + 1, Math.Max(1, token.Text?.Length ?? 1));
}
