using System.Text;
using Antlr4.Runtime;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax.Generated;

namespace LogMetrics.Language.Syntax;

/// <summary>
/// Writes a program in canonical form: two-space indentation by block, one space between tokens except where the
/// language binds them (calls, indexes, unary and postfix operators, commas), `{` ending its line and `}` on its own
/// (`} else {` joined), at most one blank line, comments kept where they were. Only whitespace changes: the tokens
/// of the result are checked to be those of the input, so the program means the same.
/// </summary>
public static class ProgramFormatter
{
    private const string Indent = "  ";

    public static FormatResult Format(string fileName, string text) => Format(fileName, text, Write);

    /// <summary>Formats with <paramref name="write"/>; the token check refuses any output whose tokens differ.</summary>
    internal static FormatResult Format(string fileName, string text, Func<List<IToken>, string> write)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        if (SyntaxTree.Parse(fileName, text, diagnostics) is null)
        {
            return new FormatResult(null, diagnostics);
        }

        var tokens = Tokens(text);
        var formatted = write(tokens);
        if (FirstDifference(tokens, Tokens(formatted)) is { } changed)
        {
            diagnostics.Add(DiagnosticMessages.FormatChangedTokens(
                new SourceSpan(fileName, changed.Line, changed.Column + 1, Math.Max(1, changed.StopIndex - changed.StartIndex + 1))));
            return new FormatResult(null, diagnostics);
        }

        return new FormatResult(formatted, diagnostics);
    }

    private static List<IToken> Tokens(string text)
    {
        var lexer = new RulesLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var tokens = new List<IToken>();
        for (var token = lexer.NextToken(); token.Type != TokenConstants.EOF; token = lexer.NextToken())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    /// <summary>The first significant token of the input that the output lost or changed (the input's last token when
    /// the output only adds), or null when both have the same tokens.</summary>
    private static IToken? FirstDifference(List<IToken> input, List<IToken> output)
    {
        static List<IToken> Significant(List<IToken> tokens) => tokens.Where(t => t.Type != RulesLexer.NL).ToList();
        static string Text(IToken t) => t.Type == RulesLexer.COMMENT ? t.Text.TrimEnd() : t.Text;
        var a = Significant(input);
        var b = Significant(output);
        for (var i = 0; i < a.Count; i++)
        {
            if (i >= b.Count || a[i].Type != b[i].Type || Text(a[i]) != Text(b[i]))
            {
                return a[i];
            }
        }

        return b.Count > a.Count ? a.LastOrDefault() ?? b[a.Count] : null;
    }

    private static string Write(List<IToken> tokens)
    {
        var output = new StringBuilder();
        var depth = 0;
        var atLineStart = true;
        var blankLines = 0;
        IToken? previous = null;
        var previousUnary = false;
        var declaration = false;
        var breakPending = false;

        void NewLine()
        {
            output.Append('\n');
            atLineStart = true;
        }

        void StartLine()
        {
            // One blank line at most, none at the top of the file or right after `{`.
            if (blankLines > 0 && output.Length > 0 && !EndsWithOpenBrace(output))
            {
                output.Append('\n');
            }

            blankLines = 0;
            for (var i = 0; i < depth; i++)
            {
                output.Append(Indent);
            }

            atLineStart = false;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == RulesLexer.NL)
            {
                breakPending = false;
                if (atLineStart)
                {
                    blankLines++;
                }
                else if (!(previous?.Type == RulesLexer.RCURLY && NextSignificant(tokens, i) is { Type: RulesLexer.ELSE } && !CommentBefore(tokens, i, RulesLexer.ELSE)))
                {
                    NewLine();
                }

                continue;
            }

            if (token.Type == RulesLexer.COMMENT)
            {
                var comment = token.Text.TrimEnd();
                if (atLineStart)
                {
                    StartLine();
                    output.Append(comment);
                }
                else
                {
                    output.Append(' ').Append(comment);
                }

                // A comment ends its line; the newline token after it does the rest.
                continue;
            }

            if (token.Type == RulesLexer.RCURLY)
            {
                if (!atLineStart)
                {
                    NewLine();
                }

                blankLines = 0;
                depth = Math.Max(0, depth - 1);
            }
            else if (breakPending && !atLineStart)
            {
                NewLine();
            }

            breakPending = false;
            if (atLineStart)
            {
                StartLine();
                declaration = token.Type is RulesLexer.COUNTER or RulesLexer.GAUGE or RulesLexer.TIMER or RulesLexer.TEXT
                    or RulesLexer.HISTOGRAM or RulesLexer.HIDDEN_;
                previousUnary = false;
            }
            else if (NeedsSpace(previous!, previousUnary, token, declaration))
            {
                output.Append(' ');
            }
            else if (!Joinable(previous!.Text, token.Text))
            {
                output.Append(' ');
            }

            var unary = IsUnary(token, atLineStart ? null : previous);
            output.Append(token.Text);
            previousUnary = unary;
            previous = token;
            if (token.Type == RulesLexer.LCURLY)
            {
                depth++;
                breakPending = true;
            }
            else if (token.Type == RulesLexer.RCURLY)
            {
                // `} else`, a comment, or the end of the line may follow; any other token starts a new line.
                breakPending = NextSignificant(tokens, i) is not { Type: RulesLexer.ELSE } || CommentBefore(tokens, i + 1, RulesLexer.ELSE);
            }
        }

        if (!atLineStart)
        {
            output.Append('\n');
        }

        return output.ToString();
    }

    private static bool EndsWithOpenBrace(StringBuilder output)
    {
        var i = output.Length - 1;
        while (i >= 0 && output[i] == '\n')
        {
            i--;
        }

        return i >= 0 && output[i] == '{';
    }

    private static IToken? NextSignificant(List<IToken> tokens, int index)
    {
        for (var j = index + 1; j < tokens.Count; j++)
        {
            if (tokens[j].Type is not RulesLexer.NL and not RulesLexer.COMMENT)
            {
                return tokens[j];
            }
        }

        return null;
    }

    /// <summary>Whether a comment comes between <paramref name="index"/> and the next token of <paramref name="type"/>.</summary>
    private static bool CommentBefore(List<IToken> tokens, int index, int type)
    {
        for (var j = index; j < tokens.Count && tokens[j].Type != type; j++)
        {
            if (tokens[j].Type == RulesLexer.COMMENT)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsOperand(int type) => type is RulesLexer.ID or RulesLexer.INTLITERAL or RulesLexer.FLOATLITERAL
        or RulesLexer.STRING or RulesLexer.CAPREF or RulesLexer.CAPREF_NAMED or RulesLexer.RPAREN or RulesLexer.RSQUARE
        or RulesLexer.REGEX or RulesLexer.DURATION or RulesLexer.INC or RulesLexer.DEC or RulesLexer.BUILTIN;

    private static bool IsUnary(IToken token, IToken? previous) => token.Type switch
    {
        RulesLexer.NOT or RulesLexer.TILDE => true,
        RulesLexer.MINUS => previous is null || !EndsOperand(previous.Type),
        _ => false,
    };

    private static bool NeedsSpace(IToken previous, bool previousUnary, IToken token, bool declaration)
    {
        if (previousUnary || previous.Type is RulesLexer.LPAREN or RulesLexer.LSQUARE)
        {
            return false;
        }

        return token.Type switch
        {
            RulesLexer.RPAREN or RulesLexer.RSQUARE or RulesLexer.COMMA => false,
            RulesLexer.LPAREN => previous.Type is not (RulesLexer.ID or RulesLexer.BUILTIN),
            // `m[k]` and `m[a][b]` index; in a declaration `init [..]` is a clause.
            RulesLexer.LSQUARE => declaration || previous.Type is not (RulesLexer.ID or RulesLexer.RSQUARE),
            RulesLexer.INC or RulesLexer.DEC => !EndsOperand(previous.Type),
            _ => true,
        };
    }

    /// <summary>Whether two tokens written without a space still lex as themselves (`-` then `-1` must not become `--1`).</summary>
    private static bool Joinable(string left, string right)
    {
        var lexer = new RulesLexer(new AntlrInputStream(left + right));
        lexer.RemoveErrorListeners();
        var first = lexer.NextToken();
        var second = lexer.NextToken();
        return first.Text == left && second.Text == right && lexer.NextToken().Type == TokenConstants.EOF;
    }
}
