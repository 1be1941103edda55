using System.Text.RegularExpressions;

namespace LogMetrics.Language.Patterns;

/// <summary>The result of translating an RE2 pattern (with grok references) to a .NET regex.</summary>
public sealed record RegexTranslation
{
    /// <summary>The pattern as written.</summary>
    public required string Source { get; init; }

    /// <summary>.NET pattern text. Every capturing group is a plain numbered group, numbered in RE2 order,
    /// so group N of a .NET match is <see cref="Groups"/>[N-1].</summary>
    public required string Pattern { get; init; }

    /// <summary>Options to use with <see cref="Pattern"/> (flags like (?i) are already inline).</summary>
    public RegexOptions Options { get; init; } = RegexOptions.CultureInvariant;

    public IReadOnlyList<CaptureGroup> Groups { get; init; } = [];

    public IReadOnlyList<PatternError> Errors { get; init; } = [];

    public bool Success => Errors.Count == 0;

    /// <summary>A literal that every match must contain (ordinal), for a cheap prefilter; null when there is none.</summary>
    public string? RequiredLiteral { get; init; }

    /// <summary>True when the pattern uses lookaround, atomic groups or backreferences (so NonBacktracking cannot run it).</summary>
    public bool NeedsBacktracking { get; init; }
}
