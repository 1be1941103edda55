using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>A metric or const name.</summary>
internal sealed record NameExpressionSyntax(SourceSpan Span, string Name) : ExpressionSyntax(Span);
