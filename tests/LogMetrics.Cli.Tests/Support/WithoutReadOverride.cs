using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LogMetrics.Cli.Tests.Support;

/// <summary>
/// Runs `logmetrics` so that file permissions apply to it as to an ordinary user. The tests run as root, which reads
/// a chmod 000 file anyway; under root the process is started by setpriv without CAP_DAC_OVERRIDE and
/// CAP_DAC_READ_SEARCH (the capabilities that let root ignore permission bits), so it still reads its own build.
/// </summary>
internal static partial class WithoutReadOverride
{
    public static async Task<CliResult> RunAsync(IEnumerable<string> args)
    {
        using var process = Start(args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts `logmetrics` with stdin, stdout and stderr redirected, as <see cref="CliRunner.Start"/> does.</summary>
    public static Process Start(IEnumerable<string> args)
    {
        var root = GetEuid() == 0;
        var info = new ProcessStartInfo(root ? "/usr/bin/setpriv" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (root)
        {
            foreach (var arg in new[] { "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search", "dotnet" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(CliRunner.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start logmetrics");
    }

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
        var info = new ProcessStartInfo(GetEuid() == 0 ? "/usr/bin/setpriv" : "/bin/cat") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (GetEuid() == 0)
        {
            foreach (var arg in new[] { "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search", "/bin/cat" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        return process.ExitCode != 0;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
