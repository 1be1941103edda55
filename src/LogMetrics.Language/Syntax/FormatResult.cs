using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>The canonical text of a program, or null with the diagnostics that kept it from being formatted.</summary>
public sealed record FormatResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Text is not null;
}
