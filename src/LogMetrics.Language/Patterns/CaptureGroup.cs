namespace LogMetrics.Language.Patterns;

/// <summary>A capturing group: its number in RE2 order (left parenthesis order, named groups included), its name if any, and its inferred type.</summary>
public sealed record CaptureGroup(int Number, string? Name, CaptureType Type, bool IsOptional)
{
    /// <summary>True when the type was written (`%{NUMBER:n:int}`) rather than inferred from the group's regex.</summary>
    public bool IsTypeDeclared { get; init; }
}
