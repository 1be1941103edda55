namespace LogMetrics.Metrics;

/// <summary>The buckets of one histogram series. A small lock keeps counts, sum and count consistent for readers.</summary>
internal sealed class HistogramState
{
    private readonly Lock _lock = new();
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private double _sum;
    private long _count;

    public HistogramState(double[] bounds)
    {
        _bounds = bounds;
        _counts = new long[bounds.Length + 1];
    }

    public void Observe(double value)
    {
        var bucket = BucketOf(value);
        lock (_lock)
        {
            _counts[bucket]++;
            _sum += value;
            _count++;
        }
    }

    public HistogramSnapshot Read()
    {
        var counts = new long[_counts.Length];
        lock (_lock)
        {
            Array.Copy(_counts, counts, counts.Length);
            return new HistogramSnapshot(counts, _sum, _count);
        }
    }

    /// <summary>Reads into a caller's array of length bounds+1, so that a scrape reuses one buffer.</summary>
    public (double Sum, long Count) ReadInto(long[] counts)
    {
        lock (_lock)
        {
            Array.Copy(_counts, counts, _counts.Length);
            return (_sum, _count);
        }
    }

    public double Sum
    {
        get
        {
            lock (_lock)
            {
                return _sum;
            }
        }
    }

    public long Count => Volatile.Read(ref _count);

    // The first bucket whose upper bound is >= value (mtail's v <= max); NaN and larger values go to +Inf.
    private int BucketOf(double value)
    {
        var bounds = _bounds;
        if (bounds.Length <= 8)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    return i;
                }
            }

            return bounds.Length;
        }

        if (double.IsNaN(value))
        {
            return bounds.Length;
        }

        int low = 0, high = bounds.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (bounds[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
