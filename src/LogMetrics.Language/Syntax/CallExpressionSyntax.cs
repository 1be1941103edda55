using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>A builtin call such as `strptime($1, "...")`.</summary>
internal sealed record CallExpressionSyntax(SourceSpan Span, string Name, SourceSpan NameSpan, IReadOnlyList<ExpressionSyntax> Arguments) : ExpressionSyntax(Span);
