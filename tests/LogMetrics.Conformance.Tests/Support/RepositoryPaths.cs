namespace LogMetrics.Conformance.Tests.Support;

/// <summary>Where the test data lives: read in place from the source tree, never copied next to the assembly.</summary>
internal static class RepositoryPaths
{
    /// <summary>tests/LogMetrics.Conformance.Tests/Differential in the source tree.</summary>
    public static string Differential => Repository.PathOf("tests", "LogMetrics.Conformance.Tests", "Differential");

    /// <summary>tests/LogMetrics.Conformance.Tests/Deviations: where LogMetrics deliberately differs from mtail.</summary>
    public static string Deviations => Repository.PathOf("tests", "LogMetrics.Conformance.Tests", "Deviations");

    /// <summary>tests/LogMetrics.Conformance.Tests/CompilerCases: mtail's compiler-test programs and fuzz seeds with rc50's verdicts.</summary>
    public static string CompilerCases => Repository.PathOf("tests", "LogMetrics.Conformance.Tests", "CompilerCases");

    /// <summary>mtail's own example logs and golden files, kept in the repository (tests/data/README.md).</summary>
    public static string MtailTestData => Repository.PathOf("tests", "data", "conformance", "mtail", "testdata");

    /// <summary>Debian's copy of mtail's example programs.</summary>
    public const string MtailExamples = "/usr/share/doc/mtail/examples";
}
