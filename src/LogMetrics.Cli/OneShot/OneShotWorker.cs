using LogMetrics.Tailing;
using LogMetrics.Tailing.Records;
using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;

namespace LogMetrics.Cli.OneShot;

/// <summary>`logmetrics run --one-shot`: prints the programs' metrics after reading every log once.</summary>
internal static class OneShotWorker
{
    public static ExitCode Run(
        string progs, IReadOnlyList<string> logs, ExpositionFormat format, EngineSettings settings, LogFormat inputFormat, int maxLineBytes, IReadOnlyList<MultilineRule> multiline)
    {
        var files = ProgramFiles.Find(progs, Console.Error);
        if (files is null)
        {
            return ExitCode.Failure;
        }

        if (files.Count == 0)
        {
            Console.Error.WriteLine(ProgramFiles.NoPrograms(progs));
            return ExitCode.Failure;
        }

        var store = OneShotRunner.Run(settings, files, logs, Console.Error, allowProgress: true, inputFormat, maxLineBytes, multiline);
        if (store is null)
        {
            return ExitCode.Failure;
        }

        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        format.Write(buffered, store.ProgramFamilies(), settings.Exposition);
        return ExitCode.Success;
    }
}
