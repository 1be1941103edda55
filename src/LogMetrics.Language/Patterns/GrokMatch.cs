namespace LogMetrics.Language.Patterns;

/// <summary>The outcome of matching one line: whether it matched, and the named captures that took part with a non-empty value.</summary>
public sealed record GrokMatch(bool Success, IReadOnlyDictionary<string, string> Captures)
{
    /// <summary>The declared type (`:int`, `:float`) of each capture in <see cref="Captures"/> that has one.</summary>
    public IReadOnlyDictionary<string, CaptureType> DeclaredTypes { get; init; } = new Dictionary<string, CaptureType>();

    /// <summary>The match ran past its time limit: no verdict, not a miss.</summary>
    public bool TimedOut { get; init; }
}
