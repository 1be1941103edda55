using System.Text;
using LogMetrics.Cli.Commands;
using LogMetrics.Cli.OneShot;
using LogMetrics.Tailing;
using LogMetrics.Tailing.Records;

namespace LogMetrics.Cli.Testing;

/// <summary>`logmetrics test`: runs a program over a sample log and compares the Prometheus text with an expected file.</summary>
internal static class TestWorker
{
    public static ExitCode Run(
        string program, string log, string expectedPath, bool update, EngineSettings settings, LogFormat inputFormat, IReadOnlyList<MultilineRule> multiline)
    {
        if (!File.Exists(program))
        {
            Console.Error.WriteLine($"{program}: error: no such file");
            return ExitCode.Failure;
        }

        // A glob is allowed (several sample files, as kubelet's per-container logs); it must match something.
        if (log.AsSpan().IndexOfAny('*', '?', '[') >= 0 ? !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(log))) : !File.Exists(log))
        {
            Console.Error.WriteLine($"{log}: error: no such file");
            return ExitCode.Failure;
        }

        var store = OneShotRunner.Run(settings, [program], [log], Console.Error, allowProgress: false, inputFormat, multiline: multiline);
        if (store is null)
        {
            return ExitCode.Failure;
        }

        using var buffer = new MemoryStream();
        ExpositionFormat.Prometheus.Write(buffer, store.ProgramFamilies(), settings.Exposition);
        var actualText = Encoding.UTF8.GetString(buffer.ToArray());
        if (update)
        {
            // The warnings are written by the runner; a file holding only what a limit let through is not a result.
            if (RunReport.Truncated(store).Count > 0)
            {
                Console.Error.WriteLine($"{expectedPath}: error: not updated, the output was cut by --max-series-per-metric");
                return ExitCode.Failure;
            }

            File.WriteAllText(expectedPath, actualText);
            Console.Error.WriteLine($"{expectedPath}: updated");
            return ExitCode.Success;
        }

        if (!File.Exists(expectedPath))
        {
            Console.Error.WriteLine($"{expectedPath}: error: no such file (use --update to create it)");
            return ExitCode.Failure;
        }

        var expected = Significant(File.ReadAllText(expectedPath));
        var actual = Significant(actualText);
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            Console.Out.WriteLine($"ok {program}");
            return ExitCode.Success;
        }

        Console.Out.WriteLine($"--- {expectedPath} (expected)");
        Console.Out.WriteLine($"+++ {program} on {log} (actual)");
        foreach (var line in UnifiedDiff.Hunks(expected, actual))
        {
            Console.Out.WriteLine(line);
        }

        Console.Error.WriteLine($"FAIL {program}: output differs from {expectedPath}");
        return ExitCode.Failure;
    }

    /// <summary>The lines that count: comments (#) and blank lines are ignored.</summary>
    public static IReadOnlyList<string> Significant(string text) =>
        text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .ToList();
}
