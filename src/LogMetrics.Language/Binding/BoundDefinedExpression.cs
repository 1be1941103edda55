using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>`defined($x)`: whether any of the capture's groups took part in the match.</summary>
public sealed record BoundDefinedExpression(SourceSpan Span, int Slot, IReadOnlyList<int> Groups) : BoundExpression(Span, BoundType.Bool);
