using System.Text;
using LogMetrics.Metrics.Exposition;

namespace LogMetrics.Metrics.Tests.Support;

/// <summary>Builders for descriptors and series, and renderers of the expositions as text.</summary>
internal static class Metrics
{
    public static MetricDescriptor Counter(string name, params string[] labels) =>
        Describe(name, MetricKind.Counter, MetricValueType.Int, labels);

    public static MetricDescriptor Gauge(string name, params string[] labels) =>
        Describe(name, MetricKind.Gauge, MetricValueType.Int, labels);

    public static MetricDescriptor FloatGauge(string name, params string[] labels) =>
        Describe(name, MetricKind.Gauge, MetricValueType.Float, labels);

    public static MetricDescriptor Histogram(string name, double[] buckets, params string[] labels) =>
        Describe(name, MetricKind.Histogram, MetricValueType.Buckets, labels) with { Buckets = buckets };

    public static MetricDescriptor Summary(string name, double[] quantiles, double[] errors, TimeSpan maxAge, params string[] labels) =>
        Describe(name, MetricKind.Summary, MetricValueType.Quantiles, labels) with { Quantiles = quantiles, QuantileErrors = errors, MaxAge = maxAge };

    public static MetricDescriptor Describe(string name, MetricKind kind, MetricValueType type, params string[] labels) => new()
    {
        Name = name,
        ExportName = name,
        Program = "test.rules",
        Kind = kind,
        ValueType = type,
        LabelNames = labels,
        Source = "test.rules:1:9-" + (8 + name.Length),
    };

    public static LabelValuesBuilder Labels(params string[] values)
    {
        var builder = new LabelValuesBuilder();
        foreach (var value in values)
        {
            builder.Add(value);
        }

        return builder;
    }

    public static Series Get(this MetricFamily family, params string[] values) =>
        family.GetOrAdd(Labels(values)) ?? throw new InvalidOperationException("series refused");

    public static string Prometheus(MetricStore store, ExpositionOptions? options = null) =>
        Render(stream => PrometheusTextWriter.Write(stream, store.Snapshot(), options ?? new ExpositionOptions()));

    public static string OpenMetrics(MetricStore store, ExpositionOptions? options = null) =>
        Render(stream => OpenMetricsWriter.Write(stream, store.Snapshot(), options ?? new ExpositionOptions()));

    public static string Json(MetricStore store, ExpositionOptions? options = null) =>
        Render(stream => JsonWriter.Write(stream, store.Snapshot(), options ?? new ExpositionOptions()));

    private static string Render(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
