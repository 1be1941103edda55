namespace LogMetrics.Language.Tests.Patterns.Support;

/// <summary>The repository's copy of the team's conformance data: tests/data (see tests/data/README.md), found above the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>tests/data in the source tree; PathTo("conformance", "grok", ...) reads the grok vectors.</summary>
    public static string Root => s_root.Value;

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogMetrics.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "data");
            }
        }

        throw new DirectoryNotFoundException("no LogMetrics.sln above " + AppContext.BaseDirectory);
    }
}
