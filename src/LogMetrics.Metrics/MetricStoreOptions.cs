namespace LogMetrics.Metrics;

/// <summary>Store-wide limits.</summary>
public sealed record MetricStoreOptions
{
    /// <summary>New label sets beyond this count are refused and counted as dropped.</summary>
    public int MaxSeriesPerMetric { get; init; } = 10000;
}
