using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;
using LogMetrics.Metrics;
using LogMetrics.Runtime;
using LogMetrics.Tailing;
using Spectre.Console;

namespace LogMetrics.Cli.OneShot;

/// <summary>Loads programs, reads logs from start to EOF once, and returns the store (mtail's --one_shot).</summary>
internal static class OneShotRunner
{
    /// <summary>Inputs smaller than this finish before a progress bar would be useful.</summary>
    private const long ProgressThresholdBytes = 16 << 20;

    /// <summary>
    /// Returns the store, or null when a program failed to compile or a log could not be read (reasons already
    /// printed). What a limit cut (series, long lines) is warned about on <paramref name="errors"/>.
    /// </summary>
    public static MetricStore? Run(EngineSettings settings, IReadOnlyList<string> programFiles, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat = LogFormat.Plain, int maxLineBytes = 1 << 20) =>
        Run(settings, engine => ProgramCompiler.LoadAll(engine, programFiles, errors), logs, errors, allowProgress, inputFormat, maxLineBytes);

    /// <summary>As the other overload, with programs given as text (name to text), e.g. an imported config.</summary>
    public static MetricStore? Run(EngineSettings settings, IReadOnlyDictionary<string, string> programs, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat = LogFormat.Plain, int maxLineBytes = 1 << 20) =>
        Run(settings, engine => programs.Sum(p =>
        {
            var result = engine.Load(p.Key, p.Value);
            return ProgramCompiler.PrintDiagnostics(result.Diagnostics, p.Value, errors) + (result.Loaded ? 0 : 1);
        }), logs, errors, allowProgress, inputFormat, maxLineBytes);

    private static MetricStore? Run(EngineSettings settings, Func<Engine, int> load, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat, int maxLineBytes)
    {
        if (!RunReport.CheckInputs(logs, errors))
        {
            return null;
        }

        var store = new MetricStore(settings.Store);
        using var engine = new Engine(store, settings.Engine with { SelfMetrics = false });
        if (load(engine) > 0)
        {
            return null;
        }

        var tail = new TailOptions { Sources = logs, FromStart = true, Format = inputFormat, MaxLineBytes = maxLineBytes };
        var sink = new CountingSink(engine);
        var total = allowProgress && !Console.IsErrorRedirected ? InputSize.Estimate(logs) : 0;
        var sources = total >= ProgressThresholdBytes
            ? ReadWithProgress(tail, sink, total)
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

    private static IReadOnlyList<SourceStatus> ReadWithProgress(TailOptions tail, CountingSink sink, long total)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IReadOnlyList<SourceStatus> sources = [];
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("reading logs", maxValue: total);
                var reader = Task.Run(() => Tailer.ReadToEnd(tail, sink, Serilog.Core.Logger.None));
                while (!reader.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    task.Value = Math.Min(total, sink.Bytes);
                }

                task.Value = total;
                sources = reader.GetAwaiter().GetResult();
            });
        return sources;
    }
}
