using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;
using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime;
using LogMetrics.Runtime.Execution;
using LogMetrics.Tailing;
using LogMetrics.Tailing.Records;

namespace LogMetrics.Cli.OneShot;

/// <summary>Loads programs, reads logs from start to EOF once, and returns the store (mtail's --one_shot).</summary>
internal static class OneShotRunner
{
    /// <summary>
    /// Returns the store, or null when a program failed to compile or a log could not be read (reasons already
    /// printed). What a limit cut (series, long lines) is warned about on <paramref name="errors"/>.
    /// </summary>
    public static MetricStore? Run(EngineSettings settings, IReadOnlyList<string> programFiles, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat = LogFormat.Plain, int maxLineBytes = 1 << 20, IReadOnlyList<MultilineRule>? multiline = null) =>
        Run(settings, engine => ProgramCompiler.LoadAll(engine, programFiles, errors), logs, errors, allowProgress, inputFormat, maxLineBytes, multiline);

    /// <summary>As the other overload, with programs given as text (name to text), e.g. an imported config.</summary>
    public static MetricStore? Run(EngineSettings settings, IReadOnlyDictionary<string, string> programs, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat = LogFormat.Plain, int maxLineBytes = 1 << 20, IReadOnlyList<MultilineRule>? multiline = null) =>
        Run(settings, engine => programs.Sum(p =>
        {
            var result = engine.Load(p.Key, p.Value);
            if (result.Error is not null)
            {
                errors.WriteLine($"{p.Key}: error: the program was not loaded: {result.Error}");
            }

            return ProgramCompiler.PrintDiagnostics(result.Diagnostics, p.Value, errors) + (result.Loaded ? 0 : 1);
        }), logs, errors, allowProgress, inputFormat, maxLineBytes, multiline);

    private static MetricStore? Run(EngineSettings settings, Func<Engine, int> load, IReadOnlyList<string> logs, TextWriter errors, bool allowProgress, LogFormat inputFormat, int maxLineBytes, IReadOnlyList<MultilineRule>? multiline)
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

        var tail = new TailOptions { Sources = logs, FromStart = true, Format = inputFormat, MaxLineBytes = maxLineBytes, Multiline = multiline ?? [] };
        var sink = new CountingSink(engine);
        // A bar only for a person watching: stderr is a terminal, --quiet was not given, and the size is known.
        var total = allowProgress && !Console.IsErrorRedirected ? InputSize.Estimate(logs) : 0;
        var sources = total > 0
            ? new ProgressBar(Console.Error, total, () => sink.Characters, () => sink.Lines).Run(Task.Run(() => Tailer.ReadToEnd(tail, sink, Serilog.Core.Logger.None)))
            : Tailer.ReadToEnd(tail, sink, Serilog.Core.Logger.None);
        ReportRecords(sources, tail.Multiline, errors);

        engine.Drain();
        var linesRead = sources.Sum(s => s.LinesRead);
        if (linesRead == 0 && sources.All(s => s.OpenErrors == 0))
        {
            errors.WriteLine($"warning: no line was read: {string.Join(", ", sources.Count > 0 ? sources.Select(s => s.Name) : logs)} held none");
        }

        foreach (var program in engine.Programs)
        {
            // A typo in a pattern, or a log of another format, leaves only the declarations: never silent.
            if (linesRead > 0 && program.LinesProcessed > 0 && program.LinesMatched == 0)
            {
                errors.WriteLine($"warning: {program.Name}: no pattern matched any of the {program.LinesProcessed} lines");
            }

            if (program.RuntimeErrors > 0)
            {
                errors.WriteLine($"{program.Name}: {program.RuntimeErrors} runtime error(s) in {program.LinesProcessed} lines; last: {program.LastRuntimeError}");
            }

            if (program.LinesUndecoded > 0)
            {
                errors.WriteLine($"{program.Name}: {program.LinesUndecoded} of {program.LinesProcessed} lines did not decode as json or logfmt (not matched)");
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

    // Multiline records cut at their bounds or regex timeouts change what programs saw: never silent.
    private static void ReportRecords(IReadOnlyList<SourceStatus> sources, IReadOnlyList<MultilineRule> rules, TextWriter errors)
    {
        foreach (var source in sources)
        {
            if (source.RecordsCut > 0)
            {
                errors.WriteLine($"warning: {source.Name}: {source.RecordsCut} multiline record(s) reached max_lines or max_bytes and were handed on in pieces");
            }

            if (source.MultilineTimeouts > 0)
            {
                errors.WriteLine($"warning: {source.Name}: the multiline regex timed out on {source.MultilineTimeouts} line(s), taken as not matching");
            }
        }

        foreach (var rule in rules.Where(r => !sources.Any(s => r.AppliesTo(s.Name))))
        {
            errors.WriteLine($"warning: --multiline {rule.Text} applies to no log that was read");
        }
    }
}
