using System.Text;
using LogMetrics.Cli.Check;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Cli.Daemon;

/// <summary>What one reload did, per program file.</summary>
internal sealed record ReloadSummary(
    IReadOnlyList<string> Loaded,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Unloaded,
    IReadOnlyList<FailedProgram> Failed)
{
    public bool Success => Failed.Count == 0;

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"loaded {Loaded.Count}, unchanged {Unchanged.Count}, unloaded {Unloaded.Count}, failed {Failed.Count}\n");
        foreach (var failed in Failed)
        {
            var writer = new StringWriter();
            if (failed.Diagnostics.Count == 0)
            {
                writer.WriteLine($"{failed.Path}: error: {failed.Message}");
            }

            ProgramCompiler.PrintDiagnostics(failed.Diagnostics, failed.Text ?? "", writer);
            text.Append(writer);
        }

        return text.ToString();
    }
}

/// <summary>A program file that could not be (re)loaded; its previous version, if any, keeps running.</summary>
internal sealed record FailedProgram(string Path, string? Message, IReadOnlyList<Diagnostic> Diagnostics, string? Text);
