namespace LogMetrics.Runtime.Tests.Support;

/// <summary>Where the conformance data lives: the repository's tests/data (see tests/data/README.md), found above the test binaries.</summary>
internal static class SharedPaths
{
    public static string Repository { get; } = Find();

    public static string MtailConformance => Path.Combine(Repository, "tests", "data", "conformance", "mtail");

    public const string MtailExamples = "/usr/share/doc/mtail/examples";

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogMetrics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No LogMetrics.sln above " + AppContext.BaseDirectory);
    }
}
