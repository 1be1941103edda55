namespace LogMetrics.Language.Binding;

/// <summary>One step of a field path: an object key (Key set) or an array index (Key null).</summary>
public sealed record FieldSegment(string? Key, int Index);
