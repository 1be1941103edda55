namespace LogMetrics.Metrics;

/// <summary>What must not change for a re-registered family to keep its series.</summary>
internal static class MetricShape
{
    public static bool Same(MetricDescriptor a, MetricDescriptor b) =>
        a.Kind == b.Kind
        && a.ValueType == b.ValueType
        && a.LabelNames.SequenceEqual(b.LabelNames, StringComparer.Ordinal)
        && a.Buckets.SequenceEqual(b.Buckets)
        && a.Quantiles.SequenceEqual(b.Quantiles)
        && a.QuantileErrors.SequenceEqual(b.QuantileErrors)
        && a.MaxAge == b.MaxAge;
}
