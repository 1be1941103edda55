using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;

namespace LogMetrics.Cli.OneShot;

/// <summary>The formats the store can be written in.</summary>
internal enum ExpositionFormat
{
    Prometheus,
    OpenMetrics,
    Json,
}

internal static class ExpositionFormatExtensions
{
    public static void Write(this ExpositionFormat format, Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options)
    {
        switch (format)
        {
            case ExpositionFormat.OpenMetrics:
                OpenMetricsWriter.Write(output, families, options);
                break;
            case ExpositionFormat.Json:
                JsonWriter.Write(output, families, options);
                break;
            default:
                PrometheusTextWriter.Write(output, families, options);
                break;
        }
    }

    /// <summary>The program families of a store: self-metrics (Program == null) are left out.</summary>
    public static IReadOnlyList<MetricFamily> ProgramFamilies(this MetricStore store) =>
        store.Snapshot().Where(f => f.Descriptor.Program is not null).ToList();
}
