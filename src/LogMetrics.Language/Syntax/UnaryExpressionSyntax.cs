using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`~x`, `!x`, `-x`.</summary>
public sealed record UnaryExpressionSyntax(SourceSpan Span, SyntaxKind Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);
