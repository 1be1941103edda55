using LogMetrics.Language.Patterns;

namespace LogMetrics.Language;

/// <summary>How a program is compiled.</summary>
public sealed record CompilerOptions
{
    /// <summary>Grok names available inside regex literals; null means <see cref="GrokLibrary.Default"/>.</summary>
    public GrokLibrary? Grok { get; init; }
}
