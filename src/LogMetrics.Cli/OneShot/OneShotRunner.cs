using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;
using LogMetrics.Metrics;
using LogMetrics.Runtime;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.OneShot;

/// <summary>Loads programs, reads logs from start to EOF once, and returns the store (mtail's --one_shot).</summary>
internal static class OneShotRunner
{
    /// <summary>
    /// Returns the store, or null when a program failed to compile or a log could not be read (reasons already
    /// printed). What a limit cut (series, long lines) is warned about on <paramref name="errors"/>.
    /// </summary>
    public static MetricStore? Run(EngineSettings settings, IReadOnlyList<string> programFiles, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat = LogFormat.Plain, int maxLineBytes = 1 << 20)
    {
        if (!RunReport.CheckInputs(logs, errors))
        {
            return null;
        }

        var store = new MetricStore(settings.Store);
        using var engine = new Engine(store, settings.Engine with { SelfMetrics = false });
        if (ProgramCompiler.LoadAll(engine, programFiles, errors) > 0)
        {
            return null;
        }

        var tail = new TailOptions { Sources = logs, FromStart = true, Format = inputFormat, MaxLineBytes = maxLineBytes };
        var sink = new CountingSink(engine);
        // A bar only for a person watching: stderr is a terminal, --quiet was not given, and the size is known.
        var total = allowProgress && !Console.IsErrorRedirected ? InputSize.Estimate(logs) : 0;
        var sources = total > 0
            ? new ProgressBar(Console.Error, total, () => sink.Bytes, () => sink.Lines).Run(Task.Run(() => Tailer.ReadToEnd(tail, sink, Serilog.Core.Logger.None)))
            : Tailer.ReadToEnd(tail, sink, Serilog.Core.Logger.None);

        engine.Drain();
        foreach (var program in engine.Programs)
        {
            if (program.RuntimeErrors > 0)
            {
                errors.WriteLine($"{program.Name}: {program.RuntimeErrors} runtime error(s) in {program.LinesProcessed} lines; last: {program.LastRuntimeError}");
            }
        }

        RunReport.WriteLimits(store, sources, maxLineBytes, errors);
        var unread = sources.Where(s => s.OpenErrors > 0).ToList();
        foreach (var source in unread)
        {
            errors.WriteLine($"{source.Name}: error: could not be opened for reading");
        }

        return unread.Count > 0 ? null : store;
    }
}
