using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`$1` or `$name`; Name is the text after `$`.</summary>
public sealed record CaptureReferenceExpressionSyntax(SourceSpan Span, string Name) : ExpressionSyntax(Span)
{
    public bool IsPositional => Name.Length > 0 && Name.All(char.IsAsciiDigit);
}
