namespace LogMetrics.Metrics;

/// <summary>A consistent copy of a histogram series.</summary>
public readonly record struct HistogramSnapshot(long[] BucketCounts, double Sum, long Count);
