namespace LogMetrics.Metrics;

/// <summary>All metric families, keyed by (program, name). Thread-safe.</summary>
public sealed class MetricStore
{
    public MetricStore(MetricStoreOptions? options = null) => throw new NotImplementedException();

    public MetricStoreOptions Options => throw new NotImplementedException();

    /// <summary>Registers a family. A family with the same program, name, kind, type, labels and buckets is
    /// returned as it is, with its state, so that a reloaded program keeps its values.</summary>
    public MetricFamily Register(MetricDescriptor descriptor) => throw new NotImplementedException();

    /// <summary>Removes one family.</summary>
    public void Remove(MetricFamily family) => throw new NotImplementedException();

    /// <summary>Removes every family of a program (an unloaded program's metrics go away).</summary>
    public void RemoveProgram(string program) => throw new NotImplementedException();

    /// <summary>A point-in-time list of families, ordered by export name then program.</summary>
    public IReadOnlyList<MetricFamily> Snapshot() => throw new NotImplementedException();

    /// <summary>Removes series whose `del ... after` expiry has passed. Call about once a second.</summary>
    public void RunMaintenance(DateTimeOffset now) => throw new NotImplementedException();
}
