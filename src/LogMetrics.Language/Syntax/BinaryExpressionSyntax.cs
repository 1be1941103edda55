using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

internal sealed record BinaryExpressionSyntax(SourceSpan Span, ExpressionSyntax Left, SyntaxKind Operator, ExpressionSyntax Right) : ExpressionSyntax(Span);
