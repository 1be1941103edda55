namespace LogMetrics.Conformance.Tests.Support;

/// <summary>Where the test data lives: read in place from the source tree, never copied next to the assembly.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RepositoryRoot = new(() => WalkUp(dir => File.Exists(Path.Combine(dir, "LogMetrics.sln")), "LogMetrics.sln"));

    private static readonly Lazy<string> SharedRoot = new(() => Path.Combine(
        WalkUp(dir => Directory.Exists(Path.Combine(dir, "shared", "conformance")), "shared/conformance"),
        "shared"));

    /// <summary>The repository root (the directory holding LogMetrics.sln).</summary>
    public static string Root => RepositoryRoot.Value;

    /// <summary>tests/LogMetrics.Conformance.Tests/Differential in the source tree.</summary>
    public static string Differential => Path.Combine(Root, "tests", "LogMetrics.Conformance.Tests", "Differential");

    /// <summary>tests/LogMetrics.Conformance.Tests/Deviations: where LogMetrics deliberately differs from mtail.</summary>
    public static string Deviations => Path.Combine(Root, "tests", "LogMetrics.Conformance.Tests", "Deviations");

    /// <summary>The team's shared directory (conformance data, bench generator), found next to or above the repository.</summary>
    public static string Shared => SharedRoot.Value;

    /// <summary>mtail's own example logs and golden files.</summary>
    public static string MtailTestData => Path.Combine(Shared, "conformance", "mtail", "testdata");

    /// <summary>Debian's copy of mtail's example programs.</summary>
    public const string MtailExamples = "/usr/share/doc/mtail/examples";

    private static string WalkUp(Func<string, bool> found, string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no directory above {AppContext.BaseDirectory} holds {what}");
    }
}
