namespace LogMetrics.Metrics;

/// <summary>A consistent copy of a histogram series: per-bucket (not cumulative) counts of le=b1..bn and +Inf, the sum
/// and the count, which also includes the values at or below b0 that no bucket holds.</summary>
public readonly record struct HistogramSnapshot(long[] BucketCounts, double Sum, long Count);
