using LogMetrics.Language.Binding;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language;

/// <summary>Runs the compiler's phases in order (parse, then bind and check), stopping after the first phase with errors.</summary>
public static class Compiler
{
    public static Compilation Compile(string fileName, string text, CompilerOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var unit = SyntaxTree.Parse(fileName, text, diagnostics);
        if (unit is null)
        {
            return new Compilation(fileName, diagnostics, null);
        }

        var program = Binder.Bind(fileName, unit, options.Grok ?? GrokLibrary.Default, diagnostics);
        return new Compilation(fileName, diagnostics, program);
    }
}
