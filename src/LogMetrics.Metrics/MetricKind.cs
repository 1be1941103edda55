namespace LogMetrics.Metrics;

/// <summary>The kind of a metric, as declared in a program.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Timer,
    Text,
    Histogram,
    Summary,
}
