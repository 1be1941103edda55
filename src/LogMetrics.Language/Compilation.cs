using LogMetrics.Language.Binding;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language;

/// <summary>The result of compiling one program: every diagnostic, and the bound program when there was no error.</summary>
public sealed record Compilation(string FileName, IReadOnlyList<Diagnostic> Diagnostics, BoundProgram? Program)
{
    public bool Success => Program is not null;
}
