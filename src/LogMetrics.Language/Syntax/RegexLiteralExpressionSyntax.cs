using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`/pattern/`: Pattern has `\/` turned into `/`; Raw is the text between the slashes as written.</summary>
internal sealed record RegexLiteralExpressionSyntax(SourceSpan Span, string Pattern, string Raw) : ExpressionSyntax(Span)
{
    /// <summary>The source column of a 0-based offset into <see cref="Pattern"/>.</summary>
    public int ColumnOf(int patternOffset)
    {
        var column = Span.Column + 1;
        var offset = 0;
        for (var i = 0; i < Raw.Length && offset < patternOffset; i++)
        {
            if (Raw[i] == '\\' && i + 1 < Raw.Length && Raw[i + 1] == '/')
            {
                i++;
                column++;
            }

            column++;
            offset++;
        }

        return column;
    }
}
