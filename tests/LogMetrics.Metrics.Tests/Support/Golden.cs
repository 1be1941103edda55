using System.Runtime.CompilerServices;

namespace LogMetrics.Metrics.Tests.Support;

/// <summary>Compares a whole text with Golden/NAME.txt; LOGMETRICS_UPDATE_GOLDEN=1 rewrites the file instead.</summary>
internal static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(ProjectDirectory(callerPath), "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("LOGMETRICS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with LOGMETRICS_UPDATE_GOLDEN=1 and review the diff");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string ProjectDirectory(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "LogMetrics.Metrics.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("test project directory not found from " + callerPath);
    }
}
