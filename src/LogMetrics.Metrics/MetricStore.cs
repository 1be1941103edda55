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
        lock (_lock)
        {
            var family = ResolveLocked(descriptor);
            AddLocked(family, descriptor);
            return family;
        }
    }

    /// <summary>The family <see cref="Register(MetricDescriptor)"/> would return, without changing the store: the registered
    /// family when its shape is the same (with its state), else a new one. <see cref="Add"/> then registers it, so that a
    /// program's families appear only once its code is built.</summary>
    public MetricFamily Resolve(MetricDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        lock (_lock)
        {
            return ResolveLocked(descriptor);
        }
    }

    /// <summary>Registers a family from <see cref="Resolve"/>: one already registered takes the new descriptor (help, source,
    /// export name, limit, hidden); a new one replaces a family of another shape with the same program and name.</summary>
    public void Add(MetricFamily family, MetricDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(descriptor);
        lock (_lock)
        {
            AddLocked(family, descriptor);
        }
    }

    private MetricFamily ResolveLocked(MetricDescriptor descriptor) =>
        _families.TryGetValue(new FamilyKey(descriptor.Program, descriptor.Name), out var existing) && MetricShape.Same(existing.Descriptor, descriptor)
            ? existing
            : new MetricFamily(descriptor, Options.MaxSeriesPerMetric, Options.ClockMs);

    private void AddLocked(MetricFamily family, MetricDescriptor descriptor)
    {
        var key = new FamilyKey(descriptor.Program, descriptor.Name);
        _snapshot = null;
        if (_families.TryGetValue(key, out var existing) && ReferenceEquals(existing, family))
        {
            existing.Reconfigure(descriptor);
            return;
        }

        _families[key] = family;
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
