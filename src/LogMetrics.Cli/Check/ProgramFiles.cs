namespace LogMetrics.Cli.Check;

/// <summary>Finds program files: a file as given, or every *.rules and *.mtail file of a directory (not recursive, dotfiles skipped).</summary>
internal static class ProgramFiles
{
    public static bool IsProgramFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.')
            && (name.EndsWith(".rules", StringComparison.Ordinal) || name.EndsWith(".mtail", StringComparison.Ordinal));
    }

    /// <summary>The message for a programs directory without a program file of its own.</summary>
    public static string NoPrograms(string directory)
    {
        var below = Directory.Exists(directory)
            ? Directory.EnumerateDirectories(directory).Where(d => Directory.EnumerateFiles(d).Any(IsProgramFile)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        return $"{directory}: error: no *.rules or *.mtail program in this directory"
            + (below is null ? "" : $" (subdirectories are not searched: e.g. --progs {below})");
    }

    /// <summary>Returns the files, sorted; null (with a message written) when the path does not exist.</summary>
    public static IReadOnlyList<string>? Find(string path, TextWriter errors)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path)
                .Where(IsProgramFile)
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        if (File.Exists(path))
        {
            return [path];
        }

        errors.WriteLine($"{path}: error: no such file or directory");
        return null;
    }
}
