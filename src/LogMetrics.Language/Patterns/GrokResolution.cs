using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Patterns;

/// <summary>The expansion of one grok pattern name: a fully expanded tree, or the error to report at the reference.</summary>
internal sealed record GrokResolution(RegexNode? Node, Func<int, int, PatternError>? Error)
{
    public static GrokResolution Unknown(string name, IReadOnlyList<string> closeNames) =>
        new(null, (offset, length) => PatternMessages.UnknownGrokPattern(offset, length, name, closeNames));
}
