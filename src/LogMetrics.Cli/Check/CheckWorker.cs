using LogMetrics.Cli.Commands;

namespace LogMetrics.Cli.Check;

/// <summary>`logmetrics check`: compiles programs and reports diagnostics.</summary>
internal static class CheckWorker
{
    public static ExitCode Run(IReadOnlyList<string> paths, EngineSettings settings, DiagnosticFormat format, TextWriter output, TextWriter errors)
    {
        var files = new List<string>();
        var missing = false;
        foreach (var path in paths)
        {
            var found = ProgramFiles.Find(path, errors);
            if (found is null)
            {
                missing = true;
            }
            else if (found.Count == 0)
            {
                errors.WriteLine(ProgramFiles.NoPrograms(path));
                missing = true;
            }
            else
            {
                files.AddRange(found);
            }
        }

        var errorCount = format == DiagnosticFormat.Json
            ? ProgramCompiler.CheckAllAsJson(settings, files, output)
            : ProgramCompiler.CheckAll(settings, files, errors);
        return missing || errorCount > 0 ? ExitCode.Failure : ExitCode.Success;
    }
}
