namespace LogMetrics.Metrics;

/// <summary>The type of the values a metric holds; histograms hold buckets, summaries quantiles.</summary>
public enum MetricValueType
{
    Int,
    Float,
    String,
    Buckets,
    Quantiles,
}
