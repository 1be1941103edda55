using LogMetrics.Language.Binding;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language;

/// <summary>The result of compiling one program: every diagnostic, and the bound program when there was no error.</summary>
public sealed record Compilation(string FileName, IReadOnlyList<Diagnostic> Diagnostics, BoundProgram? Program)
{
    /// <summary>The syntax tree, kept with <see cref="CompilerOptions.DumpSyntax"/>; internal like every syntax type.</summary>
    internal CompilationUnitSyntax? Syntax { get; init; }

    public bool Success => Program is not null;
}
