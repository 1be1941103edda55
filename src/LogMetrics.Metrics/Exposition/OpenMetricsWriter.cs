namespace LogMetrics.Metrics.Exposition;

/// <summary>OpenMetrics 1.0 text format, ending with "# EOF".</summary>
public static class OpenMetricsWriter
{
    public const string ContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>Writes the families (in any order); counters are named without `_total` and their samples with it.</summary>
    public static void Write(Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options) =>
        TextExpositionWriter.Write(output, families, options, TextFormat.OpenMetrics);
}
