using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Runtime.Explain;

/// <summary>What one program did with one line: every pattern, the statements run, the series changed, the runtime error.</summary>
public sealed record LineExplanation(
    string Program,
    int LineNumber,
    string Line,
    IReadOnlyList<PatternExplanation> Patterns,
    IReadOnlyList<StepExplanation> Steps,
    IReadOnlyList<SeriesChange> Series,
    string? Error,
    SourceSpan? ErrorAt)
{
    public bool Matched => Patterns.Any(p => p.Reached && p.Matched);
}

/// <summary>One pattern of the program, in slot order. <see cref="Reached"/>: whether the program evaluated it on this line.
/// <see cref="Matched"/>: whether it matches the line (for a pattern matched against an expression: as it ran).</summary>
public sealed record PatternExplanation(
    int Slot,
    SourceSpan Span,
    string Text,
    bool OnLine,
    bool Reached,
    bool Matched,
    IReadOnlyList<GrokReference> Grok,
    IReadOnlyList<CaptureExplanation> Captures,
    PatternProgress? Progress);

/// <summary>A grok reference of a pattern and the regex it stands for.</summary>
public sealed record GrokReference(string Reference, string Definition);

/// <summary>A capture group: its number, name, type and value (null when it did not take part).</summary>
public sealed record CaptureExplanation(int Number, string? Name, CaptureType Type, bool TypeDeclared, string? Value);

/// <summary>A statement, condition or match the program ran, in order, with what came of it.</summary>
public sealed record StepExplanation(SourceSpan Span, string Source, StepKind Kind, string Outcome, string? Error);

public enum StepKind
{
    Statement,
    Condition,
    Match,
}

/// <summary>A series the line changed: its value before (null: new) and after (null: deleted).</summary>
public sealed record SeriesChange(string Metric, IReadOnlyList<KeyValuePair<string, string>> Labels, string? Before, string? After);
