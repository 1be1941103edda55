using LogMetrics.Metrics;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.OneShot;

/// <summary>What a run lost to a limit, as one line per metric or file for stderr (one-shot and test).</summary>
internal static class RunReport
{
    /// <summary>Metrics that refused new label sets at --max-series-per-metric.</summary>
    public static IReadOnlyList<MetricFamily> Truncated(MetricStore store) =>
        [.. store.ProgramFamilies().Where(f => f.SeriesRefused > 0)];

    public static string SeriesRefused(MetricFamily family) =>
        $"warning: metric '{family.Descriptor.Name}' ({family.Descriptor.Program}) reached --max-series-per-metric {family.MaxSeries}: "
        + $"{family.SeriesRefused} update(s) of new label sets were dropped; raise the limit, or 0 for none";

    public static string LinesCut(SourceStatus source, int maxLineBytes) =>
        $"warning: {source.Name}: {source.LinesTooLong} line(s) longer than --max-line-bytes {maxLineBytes} were cut";

    /// <summary>Writes a warning for each truncated metric and each file with cut lines; true when there was one.</summary>
    public static bool WriteLimits(MetricStore store, IReadOnlyList<SourceStatus> sources, int maxLineBytes, TextWriter errors)
    {
        var any = false;
        foreach (var family in Truncated(store))
        {
            errors.WriteLine(SeriesRefused(family));
            any = true;
        }

        foreach (var source in sources.Where(s => s.LinesTooLong > 0))
        {
            errors.WriteLine(LinesCut(source, maxLineBytes));
            any = true;
        }

        return any;
    }

    /// <summary>
    /// Reports what cannot be read before reading: a missing or unreadable input is an error, a glob that matches
    /// nothing a warning, and nothing to read at all an error. False when the run must not go on.
    /// </summary>
    public static bool CheckInputs(IReadOnlyList<string> logs, TextWriter errors)
    {
        var (problems, files) = InputProbe.Check(logs, Directory.GetCurrentDirectory());
        var ok = true;
        foreach (var problem in problems)
        {
            if (problem.Kind == InputProblemKind.NoMatch)
            {
                errors.WriteLine($"warning: --logs {problem.Source}: {problem.Reason}");
            }
            else
            {
                errors.WriteLine($"{(problem.Kind == InputProblemKind.Missing ? problem.Source : problem.Path)}: error: {problem.Reason}");
                ok = false;
            }
        }

        var others = logs.Any(l => !IsFileSpec(l));
        if (ok && files == 0 && !others)
        {
            errors.WriteLine($"error: no log file to read: --logs {string.Join(", ", logs)} matched no file");
            ok = false;
        }

        return ok;
    }

    private static bool IsFileSpec(string spec) =>
        spec is not ("-" or "/dev/stdin")
        && !spec.StartsWith("unix://", StringComparison.OrdinalIgnoreCase)
        && !spec.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)
        && !spec.StartsWith("udp://", StringComparison.OrdinalIgnoreCase);
}
