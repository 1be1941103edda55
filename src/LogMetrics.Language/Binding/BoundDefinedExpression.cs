using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>`defined($x)`: whether any of the capture's groups took part in the match (for a field: whether it is present and not null).</summary>
public sealed record BoundDefinedExpression(SourceSpan Span, int Slot, IReadOnlyList<int> Groups) : BoundExpression(Span, BoundType.Bool)
{
    /// <summary>Set when the capture is a field of the structured pattern in Slot.</summary>
    public FieldPath? Field { get; init; }
}
