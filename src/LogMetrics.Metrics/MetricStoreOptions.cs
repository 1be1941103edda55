namespace LogMetrics.Metrics;

/// <summary>Store-wide limits.</summary>
public sealed record MetricStoreOptions
{
    /// <summary>New label sets beyond this count are refused and counted as dropped; 0 (the default, as in mtail) for no maximum.</summary>
    public int MaxSeriesPerMetric { get; init; }

    /// <summary>The monotonic millisecond clock that summary windows move with; tests pass a fake one.</summary>
    public Func<long> ClockMs { get; init; } = static () => CoarseClock.NowTicks;
}
