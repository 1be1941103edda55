namespace LogMetrics.Metrics;

/// <summary>Store-wide limits.</summary>
public sealed record MetricStoreOptions
{
    /// <summary>New label sets beyond this count are refused and counted as dropped; 0 (the default, as in mtail) for no maximum.</summary>
    public int MaxSeriesPerMetric { get; init; }
}
