namespace LogMetrics.Metrics.Exposition;

/// <summary>OpenMetrics 1.0 text format, ending with "# EOF".</summary>
public static class OpenMetricsWriter
{
    public const string ContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static void Write(Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options) => throw new NotImplementedException();
}
