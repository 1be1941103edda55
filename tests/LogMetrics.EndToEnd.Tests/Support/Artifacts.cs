namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>Measurements written next to the test assembly, where CI and people can read them after a run.</summary>
internal static class Artifacts
{
    public static string Write(string name, string text)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
