namespace LogMetrics.Cli.Tests.Support;

/// <summary>The set-up the daemon tests share: <see cref="Programs.Web"/> in progs/ counting the requests of <see cref="Programs.WebLog"/>.</summary>
internal static class WebSetup
{
    /// <summary>Writes progs/web.rules and access.log; returns the log's path.</summary>
    public static string WriteWebProgramAndLog(this TempDirectory dir)
    {
        dir.Write("progs/web.rules", Programs.Web);
        return dir.Write("access.log", Programs.WebLog);
    }

    /// <summary>Polls /metrics until the two GET requests of <see cref="Programs.WebLog"/> are counted; returns the scrape.</summary>
    public static Task<string> WaitForWebLogAsync(this DaemonProcess daemon) =>
        daemon.WaitForValueAsync("requests_total", 2, ("method", "GET"));
}
