using LogMetrics.Cli.Check;
using LogMetrics.Cli.Testing;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Cli.Format;

/// <summary>`logmetrics fmt`: rewrites programs in canonical form, or with --check prints a diff for each file that is not.</summary>
internal static class FmtWorker
{
    public static ExitCode Run(IReadOnlyList<string> paths, bool check, TextWriter output, TextWriter errors)
    {
        var failed = false;
        var unformatted = 0;
        foreach (var path in paths)
        {
            var files = ProgramFiles.Find(path, errors);
            if (files is null)
            {
                failed = true;
                continue;
            }

            foreach (var file in files)
            {
                switch (FormatFile(file, check, output, errors))
                {
                    case Outcome.Failed:
                        failed = true;
                        break;
                    case Outcome.Changed:
                        unformatted++;
                        break;
                }
            }
        }

        if (check && unformatted > 0)
        {
            errors.WriteLine($"{unformatted} file(s) not formatted; run `logmetrics fmt` on them");
        }

        return failed || (check && unformatted > 0) ? ExitCode.Failure : ExitCode.Success;
    }

    private static Outcome FormatFile(string file, bool check, TextWriter output, TextWriter errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{file}: error: {e.Message}");
            return Outcome.Failed;
        }

        var result = ProgramFormatter.Format(file, text);
        if (result.Text is null)
        {
            ProgramCompiler.PrintDiagnostics(result.Diagnostics, text, errors);
            errors.WriteLine($"{file}: error: not formatted (the program does not parse)");
            return Outcome.Failed;
        }

        if (result.Text == text)
        {
            return Outcome.Unchanged;
        }

        if (check)
        {
            output.WriteLine($"--- {file}");
            output.WriteLine($"+++ {file} (formatted)");
            foreach (var line in UnifiedDiff.Hunks(Lines(text), Lines(result.Text)))
            {
                output.WriteLine(line);
            }

            return Outcome.Changed;
        }

        try
        {
            // Written next to the file and renamed over it, so that a failure never leaves half a program.
            var temporary = file + ".fmt~";
            File.WriteAllText(temporary, result.Text);
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{file}: error: {e.Message}");
            return Outcome.Failed;
        }

        errors.WriteLine($"{file}: formatted");
        return Outcome.Changed;
    }

    private static string[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private enum Outcome
    {
        Unchanged,
        Changed,
        Failed,
    }
}
