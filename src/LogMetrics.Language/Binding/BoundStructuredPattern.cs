namespace LogMetrics.Language.Binding;

/// <summary>A json or logfmt pattern: it matches when its text decodes, and its captures are the fields the program
/// reads (by <see cref="BoundCaptureReference.Field"/>); Slot is where its fields are kept while a line runs.</summary>
public sealed record BoundStructuredPattern(int Slot, StructuredFormat Format)
{
    /// <summary>Every field path some capture reference or defined() reads, by field number; only these are decoded.</summary>
    public IReadOnlyList<FieldPath> Fields { get; init; } = [];
}
