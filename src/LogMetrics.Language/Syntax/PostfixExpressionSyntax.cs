using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`x++`, `x--`.</summary>
internal sealed record PostfixExpressionSyntax(SourceSpan Span, ExpressionSyntax Operand, SyntaxKind Operator) : ExpressionSyntax(Span);
