namespace LogMetrics.TestSupport;

/// <summary>A ready-made program in programs/NAME: NAME.rules, sample.log (unless test.args names the logs),
/// expected.prom, and test.args (extra arguments for `logmetrics test`, one per line, # comments).</summary>
public static class BundledProgram
{
    public static string ProgramsDirectory => Repository.PathOf("programs");

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(ProgramsDirectory).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public static string DirectoryOf(string name) => Path.Combine(ProgramsDirectory, name);

    public static List<string> TestArguments(string dir)
    {
        var path = Path.Combine(dir, "test.args");
        return File.Exists(path)
            ? [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))]
            : [];
    }

    /// <summary>The arguments of `logmetrics test` that check the program against its expected.prom (run in its directory).</summary>
    public static List<string> TestCommand(string name)
    {
        var dir = DirectoryOf(name);
        var extra = TestArguments(dir);
        string[] log = extra.Contains("--log") ? [] : ["--log", Path.Combine(dir, "sample.log")];
        return ["test", Path.Combine(dir, name + ".rules"), .. log, "--expect", Path.Combine(dir, "expected.prom"), .. extra];
    }
}
