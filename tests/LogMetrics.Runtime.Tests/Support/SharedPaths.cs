namespace LogMetrics.Runtime.Tests.Support;

/// <summary>Finds the shared/ folder: the first ancestor of the test binaries that has shared/conformance.</summary>
internal static class SharedPaths
{
    public static string Shared { get; } = Find();

    public static string MtailConformance => Path.Combine(Shared, "conformance", "mtail");

    public const string MtailExamples = "/usr/share/doc/mtail/examples";

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "conformance")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/conformance above " + AppContext.BaseDirectory);
    }
}
