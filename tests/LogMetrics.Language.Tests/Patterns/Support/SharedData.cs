namespace LogMetrics.Language.Tests.Patterns.Support;

/// <summary>Finds the shared data folder: a `shared` directory holding `conformance`, beside the repository or above the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> s_root = new(Locate);

    public static string Root => s_root.Value;

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "conformance")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("no shared/conformance directory above " + AppContext.BaseDirectory);
    }
}
