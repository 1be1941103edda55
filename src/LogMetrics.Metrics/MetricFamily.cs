namespace LogMetrics.Metrics;

/// <summary>
/// A declared metric and its series, one per label-value set. One thread writes (the program's);
/// scrapes read concurrently through <see cref="SnapshotSeries"/>.
/// </summary>
public sealed class MetricFamily
{
    public MetricDescriptor Descriptor => throw new NotImplementedException();

    /// <summary>Finds the series for the builder's label values, creating it when absent.
    /// Returns null when the `limit` or the store's per-metric maximum refuses a new label set (counted as dropped).</summary>
    public Series? GetOrAdd(LabelValuesBuilder labelValues) => throw new NotImplementedException();

    /// <summary>The single series of a family without labels.</summary>
    public Series Scalar => throw new NotImplementedException();

    /// <summary>Finds an existing series without creating one.</summary>
    public Series? Find(LabelValuesBuilder labelValues) => throw new NotImplementedException();

    /// <summary>`del`: removes the series; a missing one is not an error.</summary>
    public bool Remove(LabelValuesBuilder labelValues) => throw new NotImplementedException();

    public int SeriesCount => throw new NotImplementedException();

    /// <summary>Label sets refused or evicted by limits since start.</summary>
    public long SeriesDropped => throw new NotImplementedException();

    /// <summary>A point-in-time copy of the series list, safe to enumerate while the program writes.</summary>
    public IReadOnlyList<Series> SnapshotSeries() => throw new NotImplementedException();
}
