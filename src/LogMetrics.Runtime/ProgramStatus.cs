using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Runtime;

/// <summary>What the landing page and self-metrics show about a program.</summary>
public sealed record ProgramStatus(
    string Name,
    string Path,
    bool Running,
    long LinesProcessed,
    long LinesMatched,
    long RuntimeErrors,
    string? LastRuntimeError,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Lines on which a json or logfmt pattern met text that does not decode.</summary>
    public long LinesUndecoded { get; init; }
}
