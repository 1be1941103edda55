using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>A float literal; Text is as written (for pattern concatenation).</summary>
internal sealed record FloatLiteralExpressionSyntax(SourceSpan Span, double Value, string Text) : ExpressionSyntax(Span);
