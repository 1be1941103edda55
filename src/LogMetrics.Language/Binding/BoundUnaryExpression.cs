using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

public sealed record BoundUnaryExpression(SourceSpan Span, BoundType Type, BoundUnaryOperator Operator, BoundExpression Operand) : BoundExpression(Span, Type);
