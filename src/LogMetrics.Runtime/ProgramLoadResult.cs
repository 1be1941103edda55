using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Runtime;

/// <summary>The outcome of loading one program file. When Loaded is false, any previous version keeps running.</summary>
public sealed record ProgramLoadResult(string Name, bool Loaded, bool Unchanged, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Why a program that compiled was not loaded (its code could not be built); null otherwise.</summary>
    public string? Error { get; init; }
}
