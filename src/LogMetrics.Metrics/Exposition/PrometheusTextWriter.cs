namespace LogMetrics.Metrics.Exposition;

/// <summary>Prometheus text format 0.0.4.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options) => throw new NotImplementedException();
}
