using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>`del m[keys]`, or with After, `del m[keys] after DURATION`; a <see cref="BoundWildcardExpression"/> key
/// deletes every series whose other keys match.</summary>
public sealed record BoundDeleteStatement(SourceSpan Span, MetricSymbol Metric, IReadOnlyList<BoundExpression> Keys, TimeSpan? After) : BoundStatement(Span);
