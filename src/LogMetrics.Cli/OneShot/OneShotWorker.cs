using LogMetrics.Tailing;
using LogMetrics.Tailing.Records;
using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;
using LogMetrics.Cli.Outputs;

namespace LogMetrics.Cli.OneShot;

/// <summary>`logmetrics run --one-shot`: prints the programs' metrics after reading every log once.</summary>
internal static class OneShotWorker
{
    /// <summary>Writes to stdout, or to <paramref name="textfile"/> (atomically) when given.</summary>
    public static ExitCode Run(
        string progs, IReadOnlyList<string> logs, ExpositionFormat format, EngineSettings settings, LogFormat inputFormat, int maxLineBytes,
        IReadOnlyList<MultilineRule> multiline, string? textfile = null, bool quiet = false)
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

        return Write(OneShotRunner.Run(settings, files, logs, Console.Error, allowProgress: !quiet, inputFormat, maxLineBytes, multiline), format, settings, textfile);
    }

    /// <summary>Runs programs given as text (an imported config).</summary>
    public static ExitCode Run(
        IReadOnlyDictionary<string, string> programs, IReadOnlyList<string> logs, ExpositionFormat format, EngineSettings settings, LogFormat inputFormat, int maxLineBytes,
        IReadOnlyList<MultilineRule> multiline, string? textfile = null, bool quiet = false) =>
        Write(OneShotRunner.Run(settings, programs, logs, Console.Error, allowProgress: !quiet, inputFormat, maxLineBytes, multiline), format, settings, textfile);

    private static ExitCode Write(LogMetrics.Metrics.MetricStore? store, ExpositionFormat format, EngineSettings settings, string? textfile)
    {
        if (store is null)
        {
            return ExitCode.Failure;
        }

        if (textfile is not null)
        {
            try
            {
                TextfileWriter.Write(textfile, store.ProgramFamilies(), settings.Exposition);
                return ExitCode.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write --textfile {textfile}: {e.Message}");
                return ExitCode.Failure;
            }
        }

        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        format.Write(buffered, store.ProgramFamilies(), settings.Exposition);
        return ExitCode.Success;
    }
}
