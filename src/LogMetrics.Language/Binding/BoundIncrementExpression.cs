using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>`x++` or `x--` inside an expression: updates the series, then gives its new value (mtail's inc and dec push it).</summary>
public sealed record BoundIncrementExpression(SourceSpan Span, BoundType Type, BoundAssignmentStatement Update) : BoundExpression(Span, Type);
