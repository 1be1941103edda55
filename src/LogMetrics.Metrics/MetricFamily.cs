namespace LogMetrics.Metrics;

/// <summary>
/// A declared metric and its series, one per label-value set. One thread writes (the program's);
/// scrapes read concurrently through <see cref="SnapshotSeries"/>.
/// </summary>
/// <remarks>
/// Threading: the writer finds existing series in the current <see cref="SeriesTable"/> without locking, which is
/// safe because only the writer changes a table in place (insert, `del`, limit eviction), always under
/// <c>_lock</c>. Other threads (maintenance, re-registration) never change a table in place: they publish a changed
/// copy under the lock. Scrapes take the lock only to collect the series added since the previous scrape (those
/// not yet <see cref="Series.Listed"/>, found by a scan of the table only when there are any) and merge them into a
/// cached sorted array, so a scrape of an unchanged family sorts nothing, and the store keeps no list of additions.
/// <para>
/// Limits: when a new label set would exceed the `limit`, the least recently updated series are evicted in a batch
/// of limit/64 (at least one), chosen by one scan (the family counts updates, so the order is exact) of the family, so that the scan cost is spread over many inserts.
/// The store's per-metric maximum refuses new label sets instead. Both count in <see cref="SeriesDropped"/>.
/// </para>
/// </remarks>
public sealed class MetricFamily
{
    private const int EvictionBatchDivisor = 64;

    private readonly Lock _lock = new();
    private readonly Lock _snapshotLock = new();
    private readonly int _maxSeries;
    private readonly int[]? _sortOrder;
    private readonly double[] _bounds;
    private volatile MetricDescriptor _descriptor;
    private volatile SeriesTable _table = new();
    private volatile Series? _scalar;
    private Series? _detached;
    private long _dropped;
    private long _refused;
    private long _updateOrder;
    private volatile bool _hasExpiring;

    // Scrape cache: series in exposition order, and the changes since it was built (guarded by _lock).
    private volatile Series[] _sorted = [];
    private int _addedSinceSort;
    private int _removedSinceSort;

    internal MetricFamily(MetricDescriptor descriptor, int maxSeries, Func<long>? clockMs = null)
    {
        _descriptor = descriptor;
        ClockMs = clockMs ?? (static () => CoarseClock.NowTicks);
        _maxSeries = Math.Max(0, maxSeries);
        _bounds = descriptor.Kind == MetricKind.Histogram ? [.. descriptor.Buckets] : [];
        _sortOrder = SortOrderOf(descriptor.LabelNames);
        LabelCount = descriptor.LabelNames.Count;

        if (LabelCount == 0 && descriptor.Kind is MetricKind.Counter or MetricKind.Histogram or MetricKind.Summary)
        {
            _scalar = Insert(_table, "", SeriesTable.HashOf(""));
        }

        AddInitialLabelSets(descriptor, _table);
    }

    public MetricDescriptor Descriptor => _descriptor;

    /// <summary>Finds the series for the builder's label values, creating it when absent.
    /// Returns null when the `limit` or the store's per-metric maximum refuses a new label set (counted as dropped).</summary>
    public Series? GetOrAdd(LabelValuesBuilder labelValues)
    {
        if (labelValues.Count != LabelCount)
        {
            return null;
        }

        var key = labelValues.Key;
        var hash = SeriesTable.HashOf(key);
        return _table.Find(key, hash) ?? AddSlow(key, hash);
    }

    /// <summary>The single series of a family without labels.</summary>
    /// <remarks>Gauges, timers and text appear once first used, as in mtail. A family with labels has no scalar:
    /// it returns a detached series that is never exported.</remarks>
    public Series Scalar
    {
        get
        {
            var scalar = _scalar;
            if (scalar is not null)
            {
                return scalar;
            }

            if (LabelCount != 0)
            {
                return _detached ??= new Series(null, _descriptor, "", 0, -1, _bounds);
            }

            scalar = AddSlow("", SeriesTable.HashOf("")) ?? (_detached ??= new Series(null, _descriptor, "", 0, -1, _bounds));
            return scalar;
        }
    }

    /// <summary>Finds an existing series without creating one.</summary>
    public Series? Find(LabelValuesBuilder labelValues) =>
        labelValues.Count == LabelCount ? _table.Find(labelValues.Key, SeriesTable.HashOf(labelValues.Key)) : null;

    /// <summary>`del`: removes the series; a missing one is not an error.</summary>
    public bool Remove(LabelValuesBuilder labelValues)
    {
        if (labelValues.Count != LabelCount)
        {
            return false;
        }

        lock (_lock)
        {
            var table = _table;
            if (!table.Remove(labelValues.Key, SeriesTable.HashOf(labelValues.Key), out var series))
            {
                return false;
            }

            MarkRemoved(series!);
            return true;
        }
    }

    /// <summary>Removes every series whose label values equal <paramref name="values"/> where that is not null
    /// (null: any value); returns how many were removed.</summary>
    public int RemoveMatching(IReadOnlyList<string?> values)
    {
        if (values.Count != LabelCount)
        {
            return 0;
        }

        lock (_lock)
        {
            List<Series>? matching = null;
            foreach (var series in _table.All())
            {
                var labels = LabelKey.Decode(series.Key);
                var match = true;
                for (var i = 0; i < values.Count && match; i++)
                {
                    match = values[i] is null || string.Equals(values[i], labels[i], StringComparison.Ordinal);
                }

                if (match)
                {
                    (matching ??= []).Add(series);
                }
            }

            if (matching is null)
            {
                return 0;
            }

            // The writer's thread: the table may change in place, as `del` does.
            foreach (var series in matching)
            {
                _table.Remove(series);
                MarkRemoved(series);
            }

            return matching.Count;
        }
    }

    public int SeriesCount => _table.Count;

    /// <summary>Label sets refused or evicted by limits since start.</summary>
    public long SeriesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Of <see cref="SeriesDropped"/>, the new label sets refused by the store's per-metric maximum (not by `limit`).</summary>
    public long SeriesRefused => Interlocked.Read(ref _refused);

    /// <summary>The store's per-metric maximum this family was created with; 0 for none.</summary>
    public int MaxSeries => _maxSeries;

    /// <summary>A point-in-time copy of the series list, safe to enumerate while the program writes.</summary>
    /// <remarks>Ordered as the Prometheus exposition orders them: by label values, labels sorted by name.</remarks>
    public IReadOnlyList<Series> SnapshotSeries() => Array.FindAll(SnapshotSorted(), static s => !s.Removed);

    internal int LabelCount { get; }

    /// <summary>The clock summary windows move with.</summary>
    internal Func<long> ClockMs { get; }

    /// <summary>Histogram upper bounds, without +Inf.</summary>
    internal double[] Bounds => _bounds;

    /// <summary>Histogram: the exported buckets, le=b1..bn and +Inf (b0 is only the lower edge of the first).</summary>
    internal int BucketCount => HistogramState.BucketCountOf(_bounds);

    /// <summary>The permutation from name-sorted to declared label order (value i in sorted order is value
    /// SortOrder[i] of the key), or null when they agree.</summary>
    internal int[]? SortOrder => _sortOrder;

    /// <summary>The key of a series with its values in sorted label-name order.</summary>
    internal string SortKeyOf(Series series) => _sortOrder is null ? series.Key : LabelKey.Permute(series.Key, _sortOrder);

    /// <summary>Series in exposition order: by label values, labels sorted by name. The array is shared, so callers
    /// must not change it, and may see series removed after it was built (<see cref="Series.Removed"/>).</summary>
    internal Series[] SnapshotSorted()
    {
        lock (_snapshotLock)
        {
            Series[] sorted;
            Series[] added;
            lock (_lock)
            {
                sorted = _sorted;
                if (_addedSinceSort == 0 && _removedSinceSort == 0)
                {
                    return sorted;
                }

                added = _addedSinceSort == 0 ? [] : CollectUnlisted(_table, _addedSinceSort);
                _addedSinceSort = 0;
                _removedSinceSort = 0;
            }

            var merged = Merge(sorted, added, _sortOrder);
            _sorted = merged;
            return merged;
        }
    }

    /// <summary>Counts updates, so that eviction knows which series was updated least recently. Only the writer
    /// calls it on the hot path; a plain increment suffices.</summary>
    internal long NextUpdateOrder() => ++_updateOrder;

    /// <summary>Called by a series when `del ... after` is set on it.</summary>
    internal void NoteExpiring() => _hasExpiring = true;

    /// <summary>Applies a re-registration with the same shape: help, source, limit and the like may change.</summary>
    internal void Reconfigure(MetricDescriptor descriptor)
    {
        _descriptor = descriptor;
        if (descriptor.InitialLabelSets.Count == 0)
        {
            return;
        }

        // Not the writer's thread: change a copy and publish it.
        lock (_lock)
        {
            var copy = _table.Copy();
            AddInitialLabelSets(descriptor, copy);
            _table = copy;
        }
    }

    /// <summary>Removes series whose `del ... after` idle time has passed at <paramref name="nowTicks"/>.</summary>
    internal void RemoveExpired(long nowTicks)
    {
        if (!_hasExpiring)
        {
            return;
        }

        lock (_lock)
        {
            // The flag stays set: clearing it could race with a writer setting an expiry on a series already
            // scanned, and a family that uses `del ... after` once will most likely use it again.
            List<Series>? expired = null;
            foreach (var series in _table.All())
            {
                var idle = series.ExpireAfterMs;
                if (idle <= 0)
                {
                    continue;
                }

                if (nowTicks - series.LastUpdateTicks >= idle)
                {
                    (expired ??= []).Add(series);
                }
            }

            if (expired is null)
            {
                return;
            }

            // Not the writer's thread: change a copy and publish it.
            var copy = _table.Copy();
            foreach (var series in expired)
            {
                copy.Remove(series);
                MarkRemoved(series);
            }

            _table = copy;
        }
    }

    private Series? AddSlow(ReadOnlySpan<char> key, int hash)
    {
        lock (_lock)
        {
            var table = _table;
            if (table.Find(key, hash) is { } existing)
            {
                return existing;
            }

            var limit = _descriptor.Limit;
            if (limit > 0 && table.Count >= limit)
            {
                EvictOldest(table, table.Count - limit + Math.Max(1, limit / EvictionBatchDivisor));
            }

            if (_maxSeries > 0 && table.Count >= _maxSeries)
            {
                Interlocked.Increment(ref _dropped);
                Interlocked.Increment(ref _refused);
                return null;
            }

            return Insert(table, new string(key), hash);
        }
    }

    // Caller holds _lock, or is the constructor.
    private Series Insert(SeriesTable table, string key, int hash)
    {
        var series = new Series(this, _descriptor, key, hash, NextUpdateOrder(), _bounds);
        if (_descriptor.Retention > TimeSpan.Zero)
        {
            series.ExpireAfter(_descriptor.Retention);
        }

        table.Add(series);
        _addedSinceSort++;
        if (key.Length == 0)
        {
            _scalar = series;
        }

        return series;
    }

    // Caller holds _lock and is the writer (or the table is a private copy).
    private void EvictOldest(SeriesTable table, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var oldest = new PriorityQueue<Series, long>(count + 1, NewestFirst.Instance);
        foreach (var series in table.All())
        {
            var age = series.UpdateOrder;
            if (oldest.Count < count)
            {
                oldest.Enqueue(series, age);
            }
            else if (oldest.TryPeek(out _, out var newest) && age < newest)
            {
                oldest.DequeueEnqueue(series, age);
            }
        }

        while (oldest.TryDequeue(out var series, out _))
        {
            table.Remove(series);
            MarkRemoved(series);
            Interlocked.Increment(ref _dropped);
        }
    }

    private void MarkRemoved(Series series)
    {
        series.Removed = true;
        _removedSinceSort++;
        if (ReferenceEquals(series, _scalar))
        {
            _scalar = null;
        }
    }

    private void AddInitialLabelSets(MetricDescriptor descriptor, SeriesTable table)
    {
        if (descriptor.InitialLabelSets.Count == 0)
        {
            return;
        }

        var builder = new LabelValuesBuilder();
        foreach (var labelSet in descriptor.InitialLabelSets)
        {
            if (labelSet.Count != LabelCount)
            {
                continue;
            }

            builder.Clear();
            foreach (var value in labelSet)
            {
                builder.Add(value ?? "");
            }

            var key = builder.Key;
            if (table.Contains(key) || (_maxSeries > 0 && table.Count >= _maxSeries))
            {
                continue;
            }

            if (descriptor.Limit > 0 && table.Count >= descriptor.Limit)
            {
                continue;
            }

            Insert(table, new string(key), SeriesTable.HashOf(key));
        }
    }

    // Caller holds _lock. The series of the table not yet in the sorted cache; marks them listed.
    private static Series[] CollectUnlisted(SeriesTable table, int expected)
    {
        var added = new List<Series>(Math.Min(expected, table.Count));
        foreach (var series in table.All())
        {
            if (!series.Listed)
            {
                series.Listed = true;
                added.Add(series);
            }
        }

        return added.ToArray();
    }

    private static Series[] Merge(Series[] sorted, Series[] fresh, int[]? order)
    {
        Comparison<Series> compare = order is null
            ? static (a, b) => string.CompareOrdinal(a.Key, b.Key)
            : (a, b) => LabelKey.Compare(a.Key, b.Key, order);
        Array.Sort(fresh, compare);
        var merged = new Series[sorted.Length + fresh.Length];
        int i = 0, j = 0, k = 0;
        while (i < sorted.Length || j < fresh.Length)
        {
            Series next;
            if (i < sorted.Length && (j >= fresh.Length || compare(sorted[i], fresh[j]) <= 0))
            {
                next = sorted[i++];
            }
            else
            {
                next = fresh[j++];
            }

            if (!next.Removed)
            {
                merged[k++] = next;
            }
        }

        if (k < merged.Length)
        {
            Array.Resize(ref merged, k);
        }

        return merged;
    }

    /// <summary>The permutation from declared to name-sorted label order, or null when they agree.</summary>
    private static int[]? SortOrderOf(IReadOnlyList<string> labelNames)
    {
        var order = Enumerable.Range(0, labelNames.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(labelNames[a], labelNames[b]));
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] != i)
            {
                return order;
            }
        }

        return null;
    }
}
