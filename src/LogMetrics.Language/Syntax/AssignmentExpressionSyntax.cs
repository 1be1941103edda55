using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`target = value`, `+=`, `-=`.</summary>
internal sealed record AssignmentExpressionSyntax(SourceSpan Span, ExpressionSyntax Target, SyntaxKind Operator, ExpressionSyntax Value) : ExpressionSyntax(Span);
