using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>A string literal, unescaped as mtail does (`\"` becomes `"`, other backslashes stay).</summary>
internal sealed record StringLiteralExpressionSyntax(SourceSpan Span, string Value) : ExpressionSyntax(Span);
