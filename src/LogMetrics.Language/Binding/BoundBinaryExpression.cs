using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>Both operands already have the operand type (Left.Type); Type is the result type.</summary>
public sealed record BoundBinaryExpression(SourceSpan Span, BoundType Type, BoundExpression Left, BoundBinaryOperator Operator, BoundExpression Right) : BoundExpression(Span, Type);
