using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>An integer literal; Text is as written (for pattern concatenation).</summary>
internal sealed record IntegerLiteralExpressionSyntax(SourceSpan Span, long Value, string Text) : ExpressionSyntax(Span);
