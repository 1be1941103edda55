using System.Diagnostics;
using System.Text;

namespace LogMetrics.TestSupport;

/// <summary>How every child is started: no shell, all three standard streams redirected as UTF-8, arguments passed one by one.</summary>
public static class RedirectedStartInfo
{
    public static ProcessStartInfo Create(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
