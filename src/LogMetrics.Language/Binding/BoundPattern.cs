using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Binding;

/// <summary>A regex fixed at compile time; Slot is where its match is kept while a line runs.</summary>
public sealed record BoundPattern(int Slot, string Text, RegexTranslation Translation);
