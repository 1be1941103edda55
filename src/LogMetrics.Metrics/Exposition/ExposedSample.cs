namespace LogMetrics.Metrics.Exposition;

/// <summary>One sample as the Prometheus text exposition would write it: its labels, `__name__` included, sorted by
/// name, and its value.</summary>
public sealed record ExposedSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    /// <summary>The metric name (the `__name__` label).</summary>
    public string Name => Labels.First(l => l.Key == "__name__").Value;
}
