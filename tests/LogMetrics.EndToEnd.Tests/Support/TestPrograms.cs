namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The .rules programs of this project (Programs/, copied next to the assembly).</summary>
internal static class TestPrograms
{
    public const string NginxStatus = "nginx_status.rules";
    public const string RequestIds = "request_ids.rules";
    public const string Requests = "requests.rules";

    /// <summary>A fresh directory holding just these programs, for --progs.</summary>
    public static string Directory(TempDirectory temp, params string[] names)
    {
        var directory = temp.Subdirectory("progs");
        foreach (var name in names)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Programs", name), Path.Combine(directory, name));
        }

        return directory;
    }
}
