using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>A capture of the match in <see cref="Slot"/>: the groups that carry its name (grok may repeat a name; the last
/// non-empty participating one wins).</summary>
public sealed record BoundCaptureReference(SourceSpan Span, BoundType Type, string Name, int Slot, IReadOnlyList<int> Groups) : BoundExpression(Span, Type)
{
    /// <summary>Set for a field of a structured pattern: Slot is then that pattern's slot (in
    /// <see cref="BoundProgram.StructuredPatterns"/>) and Groups holds the field's number. A missing field is a runtime error.</summary>
    public FieldPath? Field { get; init; }
}
