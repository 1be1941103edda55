using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`~x`, `!x`, `-x`.</summary>
internal sealed record UnaryExpressionSyntax(SourceSpan Span, SyntaxKind Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);
