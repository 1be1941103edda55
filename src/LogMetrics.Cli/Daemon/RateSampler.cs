using LogMetrics.Runtime;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.Daemon;

/// <summary>Keeps the last two samples of line counters so the status page can show lines and matches per second.</summary>
internal sealed class RateSampler(Func<IReadOnlyList<ProgramStatus>> programs, Func<IReadOnlyList<SourceStatus>> sources, TimeProvider time)
{
    private Sample? _previous;
    private Sample? _latest;
    private readonly Lock _lock = new();

    public void Take()
    {
        var current = programs();
        var sample = new Sample(
            time.GetTimestamp(),
            current.ToDictionary(p => p.Name, p => p.LinesProcessed, StringComparer.Ordinal),
            current.ToDictionary(p => p.Name, p => p.LinesMatched, StringComparer.Ordinal),
            sources().ToDictionary(s => s.Name, s => s.LinesRead, StringComparer.Ordinal));
        lock (_lock)
        {
            _previous = _latest;
            _latest = sample;
        }
    }

    public double? ProgramLinesPerSecond(string program) => Rate(s => s.Programs, program);

    public double? ProgramMatchesPerSecond(string program) => Rate(s => s.Matches, program);

    public double? SourceLinesPerSecond(string source) => Rate(s => s.Sources, source);

    private double? Rate(Func<Sample, Dictionary<string, long>> select, string key)
    {
        Sample? previous, latest;
        lock (_lock)
        {
            (previous, latest) = (_previous, _latest);
        }

        if (previous is null || latest is null
            || !select(previous).TryGetValue(key, out var before) || !select(latest).TryGetValue(key, out var after))
        {
            return null;
        }

        var seconds = time.GetElapsedTime(previous.Timestamp, latest.Timestamp).TotalSeconds;
        return seconds <= 0 ? null : Math.Max(0, after - before) / seconds;
    }

    private sealed record Sample(long Timestamp, Dictionary<string, long> Programs, Dictionary<string, long> Matches, Dictionary<string, long> Sources);
}
