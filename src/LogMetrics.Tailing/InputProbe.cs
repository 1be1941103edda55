namespace LogMetrics.Tailing;

/// <summary>Checks --logs entries before reading: which name no file, match nothing, or cannot be opened.</summary>
public static class InputProbe
{
    /// <summary>The problems of every file entry (stdin and listeners are not probed), and how many files matched in all.</summary>
    public static (IReadOnlyList<InputProblem> Problems, int Files) Check(IReadOnlyList<string> sources, string currentDirectory)
    {
        var problems = new List<InputProblem>();
        var files = 0;
        foreach (var text in sources)
        {
            var spec = SourceSpec.Parse(text, currentDirectory);
            if (spec.Kind != SourceKind.Files)
            {
                continue;
            }

            var glob = spec.Glob!;
            if (glob.IsLiteral && Directory.Exists(glob.Pattern))
            {
                problems.Add(new InputProblem(text, glob.Pattern, InputProblemKind.Unreadable, "is a directory (give a glob such as DIR/*.log)"));
                continue;
            }

            var matches = glob.Expand();
            if (matches.Count == 0)
            {
                problems.Add(glob.IsLiteral
                    ? new InputProblem(text, glob.Pattern, InputProblemKind.Missing, "no such file")
                    : new InputProblem(text, glob.Pattern, InputProblemKind.NoMatch, "no file matches"));
                continue;
            }

            foreach (var path in matches)
            {
                files++;
                if (CannotOpen(path) is { } reason)
                {
                    problems.Add(new InputProblem(text, path, InputProblemKind.Unreadable, reason));
                }
            }
        }

        return (problems, files);
    }

    private static string? CannotOpen(string path)
    {
        // Opening a named pipe would wait for its writer.
        if (Files.NativeMethods.TryStat(path, out var stat, out _) && stat.IsFifo)
        {
            return null;
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
