using System.Text.RegularExpressions;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The options `logmetrics run --help` lists: the examples may use no others.</summary>
internal static partial class CliOptions
{
    private static readonly Lazy<Task<IReadOnlySet<string>>> Run = new(() => ReadAsync("run"));

    public static Task<IReadOnlySet<string>> RunAsync() => Run.Value;

    /// <summary>The --options in a command line, without their values.</summary>
    public static IEnumerable<string> UsedIn(IEnumerable<string> arguments) =>
        arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=')[0]);

    private static async Task<IReadOnlySet<string>> ReadAsync(string command)
    {
        var result = await LogMetricsCli.RunAsync(command, "--help");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"logmetrics {command} --help failed:\n{result}");
        }

        var options = Option().Matches(result.Stdout).Select(m => m.Groups[1].Value).ToHashSet();
        if (options.Count == 0)
        {
            throw new InvalidOperationException($"no options in logmetrics {command} --help:\n{result}");
        }

        return options;
    }

    [GeneratedRegex(@"^\s+(?:-\S+, )*(--[a-z][a-z0-9.-]*)", RegexOptions.Multiline)]
    private static partial Regex Option();
}
