namespace LogMetrics.TestSupport;

/// <summary>The checkout the tests run from: the first folder above the test binaries that holds LogMetrics.sln.</summary>
public static class Repository
{
    private static readonly Lazy<string> s_root = new(Find);

    /// <summary>The repository root; programs/, examples/ and tests/data are read in place from here.</summary>
    public static string Root => s_root.Value;

    /// <summary>A path inside the repository: PathOf("tests", "data") is ROOT/tests/data.</summary>
    public static string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([Root, .. parts]));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogMetrics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no LogMetrics.sln above " + AppContext.BaseDirectory);
    }
}
