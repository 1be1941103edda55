namespace LogMetrics.Language.Binding;

/// <summary>The kind a metric is declared with, as the runtime reads it.</summary>
public enum BoundMetricKind
{
    Counter,
    Gauge,
    Timer,
    Text,
    Histogram,
    Summary,
}
