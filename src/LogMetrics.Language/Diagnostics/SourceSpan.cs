namespace LogMetrics.Language.Diagnostics;

/// <summary>A position in a program: 1-based line and column, and a length in characters.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int Length)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
