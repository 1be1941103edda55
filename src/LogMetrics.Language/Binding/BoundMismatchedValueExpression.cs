using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>An Int stored into a Float metric or a Float into an Int one: mtail evaluates Operand, then fails at run time
/// ("unexpected int type float64"), since the metric's type was fixed by its first assignment.</summary>
public sealed record BoundMismatchedValueExpression(SourceSpan Span, BoundType Type, BoundExpression Operand) : BoundExpression(Span, Type);
