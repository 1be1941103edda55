namespace LogMetrics.Cli.Tests.Support;

/// <summary>The repository the tests run from: the first folder above the test binaries that holds LogMetrics.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogMetrics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LogMetrics.sln not found above " + AppContext.BaseDirectory);
    }
}
