namespace LogMetrics.Runtime.Tests.Support;

/// <summary>Where the conformance data lives: the repository's tests/data (see tests/data/README.md).</summary>
internal static class SharedPaths
{
    public static string MtailConformance => Repository.PathOf("tests", "data", "conformance", "mtail");

    public const string MtailExamples = "/usr/share/doc/mtail/examples";
}
