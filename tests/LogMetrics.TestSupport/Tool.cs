namespace LogMetrics.TestSupport;

/// <summary>Finds the external programs the tests drive; a missing one fails the test, never skips it.</summary>
public static class Tool
{
    // Debian installs nginx and logrotate in sbin, which a non-login PATH may lack.
    private static readonly string[] SbinDirectories = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    public static string Require(string name) =>
        Find(name) ?? throw new InvalidOperationException(
            $"'{name}' is not installed. The tests drive the real tool: install its Debian package (.ci/install-deps.sh does).");

    /// <summary>The executable NAME on PATH or in sbin; null when absent.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(SbinDirectories);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
            {
                return candidate;
            }
        }

        return null;
    }
}
