using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Runtime;

/// <summary>The outcome of loading one program file. When Loaded is false, any previous version keeps running.</summary>
public sealed record ProgramLoadResult(string Name, bool Loaded, bool Unchanged, IReadOnlyList<Diagnostic> Diagnostics);
