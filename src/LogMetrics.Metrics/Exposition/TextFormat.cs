namespace LogMetrics.Metrics.Exposition;

/// <summary>The two text expositions, which share everything but details of names and numbers.</summary>
internal enum TextFormat
{
    Prometheus,
    OpenMetrics,
}
