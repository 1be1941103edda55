using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>Reads the value of a metric's series.</summary>
public sealed record BoundMetricExpression(SourceSpan Span, BoundType Type, MetricSymbol Metric, IReadOnlyList<BoundExpression> Keys) : BoundExpression(Span, Type);
