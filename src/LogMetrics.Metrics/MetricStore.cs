namespace LogMetrics.Metrics;

/// <summary>All metric families, keyed by (program, name). Thread-safe.</summary>
public sealed class MetricStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<FamilyKey, MetricFamily> _families = [];
    private MetricFamily[]? _snapshot;

    public MetricStore(MetricStoreOptions? options = null)
    {
        Options = options ?? new MetricStoreOptions();
    }

    public MetricStoreOptions Options { get; }

    /// <summary>Registers a family. A family with the same program, name, kind, type, labels and buckets is
    /// returned as it is, with its state, so that a reloaded program keeps its values.</summary>
    /// <remarks>A family returned again takes the new descriptor (help, source, export name, limit, hidden).</remarks>
    public MetricFamily Register(MetricDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var key = new FamilyKey(descriptor.Program, descriptor.Name);
        lock (_lock)
        {
            _snapshot = null;
            if (_families.TryGetValue(key, out var existing) && MetricShape.Same(existing.Descriptor, descriptor))
            {
                existing.Reconfigure(descriptor);
                return existing;
            }

            var family = new MetricFamily(descriptor, Options.MaxSeriesPerMetric, Options.ClockMs);
            _families[key] = family;
            return family;
        }
    }

    /// <summary>Removes one family.</summary>
    public void Remove(MetricFamily family)
    {
        var key = new FamilyKey(family.Descriptor.Program, family.Descriptor.Name);
        lock (_lock)
        {
            if (_families.TryGetValue(key, out var existing) && ReferenceEquals(existing, family))
            {
                _families.Remove(key);
                _snapshot = null;
            }
        }
    }

    /// <summary>Removes every family of a program (an unloaded program's metrics go away).</summary>
    public void RemoveProgram(string program)
    {
        lock (_lock)
        {
            foreach (var key in _families.Keys.Where(k => k.Program == program).ToList())
            {
                _families.Remove(key);
                _snapshot = null;
            }
        }
    }

    /// <summary>A point-in-time list of families, ordered by export name then program.</summary>
    public IReadOnlyList<MetricFamily> Snapshot()
    {
        lock (_lock)
        {
            if (_snapshot is null)
            {
                var families = _families.Values.ToArray();
                Array.Sort(families, static (a, b) =>
                {
                    var byName = string.CompareOrdinal(a.Descriptor.ExportName, b.Descriptor.ExportName);
                    return byName != 0 ? byName : string.CompareOrdinal(a.Descriptor.Program, b.Descriptor.Program);
                });
                _snapshot = families;
            }

            return _snapshot;
        }
    }

    /// <summary>Removes series whose `del ... after` expiry has passed. Call about once a second.</summary>
    /// <remarks>Idle time is measured on a monotonic clock from each series' last update; <paramref name="now"/>
    /// is mapped onto that clock, so a later time than the present expires series sooner.</remarks>
    public void RunMaintenance(DateTimeOffset now)
    {
        var nowTicks = CoarseClock.TicksAt(now);
        foreach (var family in Snapshot())
        {
            family.RemoveExpired(nowTicks);
        }
    }
}
