namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The checkout the tests run from: examples/ and programs/ are read in place.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogMetrics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no LogMetrics.sln above {AppContext.BaseDirectory}");
    }
}
