using LogMetrics.Cli.Commands;
using LogMetrics.Language;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Runtime;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Cli.Check;

/// <summary>Loads program files into an engine and prints their diagnostics.</summary>
internal static class ProgramCompiler
{
    /// <summary>Loads every file; prints every diagnostic; returns the number of errors.</summary>
    public static int LoadAll(Engine engine, IEnumerable<string> files, TextWriter errors) =>
        CompileEach(files, errors, "the program was not loaded", (file, text) =>
        {
            var result = engine.Load(file, text);
            return (result.Diagnostics, result.Loaded, result.Error);
        });

    /// <summary>Compiles each file on its own (nothing is run) and prints the diagnostics.</summary>
    public static int CheckAll(EngineSettings settings, IEnumerable<string> files, TextWriter errors)
    {
        var options = new CompilerOptions { Grok = settings.Engine.Grok };
        return CompileEach(files, errors, "the program did not compile", (file, text) =>
        {
            var compilation = Compiler.Compile(file, text, options);
            return (compilation.Diagnostics, compilation.Success, null);
        });
    }

    /// <summary>As <see cref="CheckAll"/>, with every diagnostic written as one JSON line to <paramref name="output"/>.</summary>
    public static int CheckAllAsJson(EngineSettings settings, IEnumerable<string> files, TextWriter output)
    {
        var options = new CompilerOptions { Grok = settings.Engine.Grok };
        var json = new DiagnosticJsonWriter(output);
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
                json.WriteFileError(file, e.Message);
                errorCount++;
                continue;
            }

            var compilation = Compiler.Compile(file, text, options);
            foreach (var diagnostic in Ordered(compilation.Diagnostics))
            {
                json.Write(diagnostic);
            }

            errorCount += compilation.Diagnostics.Count(d => d.IsError);
            if (!compilation.Success && compilation.Diagnostics.All(d => !d.IsError))
            {
                json.WriteFileError(file, "the program did not compile");
                errorCount++;
            }
        }

        return errorCount;
    }

    public static int PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, string text, TextWriter errors)
    {
        foreach (var diagnostic in Ordered(diagnostics))
        {
            DiagnosticPrinter.Print(errors, diagnostic, text);
        }

        return diagnostics.Count(d => d.IsError);
    }

    private static IEnumerable<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column);

    /// <summary>Reads each file and compiles its text; prints every diagnostic, and <paramref name="failure"/> for a file that failed without an error; returns the number of errors.</summary>
    private static int CompileEach(
        IEnumerable<string> files,
        TextWriter errors,
        string failure,
        Func<string, string, (IReadOnlyList<Diagnostic> Diagnostics, bool Succeeded, string? Error)> compile)
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

            var (diagnostics, succeeded, error) = compile(file, text);
            errorCount += PrintDiagnostics(diagnostics, text, errors);
            if (!succeeded && diagnostics.All(d => !d.IsError))
            {
                errors.WriteLine(error is null ? $"{file}: error: {failure}" : $"{file}: error: {failure}: {error}");
                errorCount++;
            }
        }

        return errorCount;
    }
}
