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

    /// <summary>The parsed pattern, kept to write narrower variants (null when it has errors).</summary>
    internal RegexNode? Tree { get; init; }

    /// <summary>
    /// <see cref="Pattern"/> with only <paramref name="groups"/> (RE2 numbers) capturing: the other groups become
    /// non-capturing, which matches the same text while saving the engine their bookkeeping (a quarter of the match
    /// time for apache_combined.mtail, which names nine groups and reads five). RE2 has no backreferences, so which
    /// groups capture cannot change what matches. Null <paramref name="groups"/>: all of them, <see cref="Pattern"/> as is.
    /// </summary>
    public CapturingPattern CapturingOnly(IReadOnlySet<int>? groups)
    {
        var numbers = new int[Groups.Count + 1];
        if (Tree is null || groups is null)
        {
            for (var n = 0; n < numbers.Length; n++)
            {
                numbers[n] = n;
            }

            return new CapturingPattern(Pattern, numbers);
        }

        var next = 1;
        for (var n = 1; n < numbers.Length; n++)
        {
            numbers[n] = groups.Contains(n) ? next++ : -1;
        }

        var text = new RegexEmitter(groups.Contains).Emit(Tree);
        return new CapturingPattern(text, numbers);
    }
}

/// <summary>A pattern written with only some groups capturing; <see cref="NetGroups"/>[n] is the .NET group number
/// of RE2 group n in <see cref="Pattern"/> (-1: not captured; [0] is always 0, the whole match).</summary>
public sealed record CapturingPattern(string Pattern, IReadOnlyList<int> NetGroups);
