using LogMetrics.Tailing;
using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;

namespace LogMetrics.Cli.OneShot;

/// <summary>`logmetrics run --one-shot`: prints the programs' metrics after reading every log once.</summary>
internal static class OneShotWorker
{
    public static ExitCode Run(string progs, IReadOnlyList<string> logs, ExpositionFormat format, EngineSettings settings, LogFormat inputFormat, int maxLineBytes)
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

        return Write(OneShotRunner.Run(settings, files, logs, Console.Error, allowProgress: true, inputFormat, maxLineBytes), format, settings);
    }

    /// <summary>Runs programs given as text (an imported config).</summary>
    public static ExitCode Run(IReadOnlyDictionary<string, string> programs, IReadOnlyList<string> logs, ExpositionFormat format, EngineSettings settings, LogFormat inputFormat, int maxLineBytes) =>
        Write(OneShotRunner.Run(settings, programs, logs, Console.Error, allowProgress: true, inputFormat, maxLineBytes), format, settings);

    private static ExitCode Write(LogMetrics.Metrics.MetricStore? store, ExpositionFormat format, EngineSettings settings)
    {
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
