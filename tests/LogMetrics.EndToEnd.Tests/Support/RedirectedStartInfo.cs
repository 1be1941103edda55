using System.Diagnostics;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>How every child is started: no shell, all three standard streams redirected, arguments passed one by one.</summary>
internal static class RedirectedStartInfo
{
    public static ProcessStartInfo Create(string fileName, IEnumerable<string> arguments, string? workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
