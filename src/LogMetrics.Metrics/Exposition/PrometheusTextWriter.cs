namespace LogMetrics.Metrics.Exposition;

/// <summary>Prometheus text format 0.0.4.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Writes the families (in any order) as client_golang would for mtail; never fails on their content.</summary>
    public static void Write(Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options) =>
        TextExpositionWriter.Write(output, families, options, TextFormat.Prometheus);
}
