using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Binding;

/// <summary>A regex fixed at compile time; Slot is where its match is kept while a line runs.</summary>
public sealed record BoundPattern(int Slot, string Text, RegexTranslation Translation)
{
    /// <summary>The groups (RE2 numbers) the program reads through a capture reference or defined(); the others need
    /// not capture (see <see cref="RegexTranslation.CapturingOnly"/>). Null when not known: every group may be read.</summary>
    public IReadOnlySet<int>? ReadGroups { get; init; }
}
