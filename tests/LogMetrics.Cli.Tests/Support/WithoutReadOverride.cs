using System.Diagnostics;

namespace LogMetrics.Cli.Tests.Support;

/// <summary>
/// Runs `logmetrics` so that file permissions apply to it as to an ordinary user. The tests run as root, which reads
/// a chmod 000 file anyway; under root the process is started by setpriv without CAP_DAC_OVERRIDE and
/// CAP_DAC_READ_SEARCH (the capabilities that let root ignore permission bits), so it still reads its own build.
/// </summary>
internal static class WithoutReadOverride
{
    private static readonly string[] DropReadOverride = ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"];

    public static Task<CommandResult> RunAsync(IEnumerable<string> args)
    {
        var (fileName, arguments) = Command(args);
        return CommandRunner.RunAsync(fileName, arguments);
    }

    /// <summary>Starts `logmetrics` with stdin, stdout and stderr redirected, as <see cref="LogMetricsCli.Start"/> does.</summary>
    public static Process Start(IEnumerable<string> args)
    {
        var (fileName, arguments) = Command(args);
        return Process.Start(RedirectedStartInfo.Create(fileName, arguments)) ?? throw new InvalidOperationException("could not start logmetrics");
    }

    private static (string FileName, IEnumerable<string> Arguments) Command(IEnumerable<string> args) =>
        Posix.IsRoot
            ? ("/usr/bin/setpriv", [.. DropReadOverride, LogMetricsCli.DotnetHost, .. LogMetricsCli.Arguments(args)])
            : (LogMetricsCli.DotnetHost, LogMetricsCli.Arguments(args));

    /// <summary>chmod 000.</summary>
    public static void Lock(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file modes are POSIX");
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
    }

    /// <summary>Whether a process started this way is refused a file with mode 000 (the premise of the tests that use it).</summary>
    public static async Task<bool> IsRefusedAsync(string path)
    {
        var result = Posix.IsRoot
            ? await CommandRunner.RunAsync("/usr/bin/setpriv", [.. DropReadOverride, "/bin/cat", path])
            : await CommandRunner.RunAsync("/bin/cat", [path]);
        return result.ExitCode != 0;
    }
}
