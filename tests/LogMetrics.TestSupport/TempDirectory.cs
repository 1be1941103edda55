namespace LogMetrics.TestSupport;

/// <summary>A fresh directory under /tmp, removed when the test ends unless LOGMETRICS_TEST_KEEP is set.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "test")
    {
        Path = Directory.CreateTempSubdirectory($"logmetrics-{prefix}-").FullName;
    }

    public string Path { get; }

    /// <summary>The path of NAME inside the directory (not created).</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes TEXT to NAME, creating the folders on the way, and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = this[name];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Creates the folder NAME inside the directory and returns its path.</summary>
    public string Subdirectory(string name) => Directory.CreateDirectory(this[name]).FullName;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("LOGMETRICS_TEST_KEEP") is { Length: > 0 })
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; /tmp is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
