using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>`*` as a key of `del`: the series' value there may be anything.</summary>
public sealed record BoundWildcardExpression(SourceSpan Span) : BoundExpression(Span, BoundType.String);
