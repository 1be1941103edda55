using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>Updates a metric's series; Value has the metric's value type (null for ++ and --). A histogram observes Value.</summary>
public sealed record BoundAssignmentStatement(SourceSpan Span, MetricSymbol Metric, IReadOnlyList<BoundExpression> Keys, BoundAssignmentOperator Operator, BoundExpression? Value) : BoundStatement(Span);
