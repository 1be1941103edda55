namespace LogMetrics.Conformance.Tests.Support;

/// <summary>Where the test data lives: read in place from the source tree, never copied next to the assembly.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RepositoryRoot = new(() => WalkUp(dir => File.Exists(Path.Combine(dir, "LogMetrics.sln")), "LogMetrics.sln"));

    /// <summary>The repository root (the directory holding LogMetrics.sln).</summary>
    public static string Root => RepositoryRoot.Value;

    /// <summary>tests/LogMetrics.Conformance.Tests/Differential in the source tree.</summary>
    public static string Differential => Path.Combine(Root, "tests", "LogMetrics.Conformance.Tests", "Differential");

    /// <summary>tests/LogMetrics.Conformance.Tests/Deviations: where LogMetrics deliberately differs from mtail.</summary>
    public static string Deviations => Path.Combine(Root, "tests", "LogMetrics.Conformance.Tests", "Deviations");

    /// <summary>tests/LogMetrics.Conformance.Tests/CompilerCases: mtail's compiler-test programs and fuzz seeds with rc50's verdicts.</summary>
    public static string CompilerCases => Path.Combine(Root, "tests", "LogMetrics.Conformance.Tests", "CompilerCases");

    /// <summary>mtail's own example logs and golden files, kept in the repository (tests/data/README.md).</summary>
    public static string MtailTestData => Path.Combine(Root, "tests", "data", "conformance", "mtail", "testdata");

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
