namespace LogMetrics.Language.Patterns;

/// <summary>An error inside a pattern's text; Offset is 0-based in the pattern as written between the slashes.</summary>
public sealed record PatternError(string Code, int Offset, int Length, string Message, string? Hint = null);
