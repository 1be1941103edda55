namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>A fresh directory under /tmp, removed afterwards unless LOGMETRICS_E2E_KEEP is set.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory($"logmetrics-e2e-{prefix}-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Subdirectory(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("LOGMETRICS_E2E_KEEP") is { Length: > 0 })
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
