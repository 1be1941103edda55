using LogMetrics.Cli.Commands;
using LogMetrics.Language;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Runtime;

namespace LogMetrics.Cli.Check;

/// <summary>Loads program files into an engine and prints their diagnostics.</summary>
internal static class ProgramCompiler
{
    /// <summary>Loads every file; prints every diagnostic; returns the number of errors.</summary>
    public static int LoadAll(Engine engine, IEnumerable<string> files, TextWriter errors)
    {
        var errorCount = 0;
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"{file}: error: {e.Message}");
                errorCount++;
                continue;
            }

            var result = engine.Load(file, text);
            errorCount += PrintDiagnostics(result.Diagnostics, text, errors);
            if (!result.Loaded && result.Diagnostics.All(d => !d.IsError))
            {
                errors.WriteLine($"{file}: error: the program was not loaded");
                errorCount++;
            }
        }

        return errorCount;
    }

    /// <summary>Compiles each file on its own (nothing is run) and prints the diagnostics.</summary>
    public static int CheckAll(EngineSettings settings, IEnumerable<string> files, TextWriter errors)
    {
        var options = new CompilerOptions { Grok = settings.Engine.Grok };
        var errorCount = 0;
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"{file}: error: {e.Message}");
                errorCount++;
                continue;
            }

            var compilation = Compiler.Compile(file, text, options);
            errorCount += PrintDiagnostics(compilation.Diagnostics, text, errors);
            if (!compilation.Success && compilation.Diagnostics.All(d => !d.IsError))
            {
                errors.WriteLine($"{file}: error: the program did not compile");
                errorCount++;
            }
        }

        return errorCount;
    }

    public static int PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, string text, TextWriter errors)
    {
        foreach (var diagnostic in diagnostics
                     .OrderBy(d => d.Span.File, StringComparer.Ordinal)
                     .ThenBy(d => d.Span.Line)
                     .ThenBy(d => d.Span.Column))
        {
            DiagnosticPrinter.Print(errors, diagnostic, text);
        }

        return diagnostics.Count(d => d.IsError);
    }
}
