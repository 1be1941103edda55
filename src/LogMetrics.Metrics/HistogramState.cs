namespace LogMetrics.Metrics;

/// <summary>The buckets of one histogram series, as mtail counts them.</summary>
/// <remarks>
/// The bounds B = [b0, b1, ..., bn] make the buckets (b(i-1), b(i)] for i = 1..n, exported as le=b(i), and
/// (bn, +Inf]. b0 is only the lower edge of the first bucket: a value at or below it (or NaN) falls in no bucket
/// but still counts in the sum and count, as in mtail's <c>Range.Contains</c>, so the +Inf bucket can be below
/// the count.
/// <para>
/// Readers get a consistent copy through a sequence counter instead of a lock: the one writer makes it odd while it
/// changes the state, and a reader retries when the counter moved or was odd.
/// </para>
/// </remarks>
internal sealed class HistogramState : SeriesState
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private int _sequence;
    private double _sum;
    private long _count;

    public HistogramState(double[] bounds)
    {
        _bounds = bounds;
        _counts = new long[BucketCountOf(bounds)];
    }

    /// <summary>The number of exported buckets (+Inf included) for the bounds: one per bound after b0, plus +Inf.</summary>
    public static int BucketCountOf(double[] bounds) => Math.Max(1, bounds.Length);

    public override void Observe(double value)
    {
        var bucket = BucketOf(value);
        var sequence = Interlocked.Increment(ref _sequence);
        if (bucket >= 0)
        {
            _counts[bucket]++;
        }

        _sum += value;
        _count++;
        Volatile.Write(ref _sequence, sequence + 1);
    }

    public HistogramSnapshot Read()
    {
        var counts = new long[_counts.Length];
        var (sum, count) = ReadInto(counts);
        return new HistogramSnapshot(counts, sum, count);
    }

    /// <summary>Reads into a caller's array of at least <see cref="BucketCountOf"/> longs, so that a scrape reuses one buffer;
    /// with null, reads only the sum and count.</summary>
    public (double Sum, long Count) ReadInto(long[]? counts)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var before = Volatile.Read(ref _sequence);
            if ((before & 1) == 0)
            {
                if (counts is not null)
                {
                    Array.Copy(_counts, counts, _counts.Length);
                }

                var sum = _sum;
                var count = _count;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _sequence) == before)
                {
                    return (sum, count);
                }
            }

            spinner.SpinOnce();
        }
    }

    public double Sum => ReadInto(null).Sum;

    public long Count => Volatile.Read(ref _count);

    // The bucket i with b(i-1) < value <= b(i), as index i-1; -1 for none (value <= b0, or NaN).
    private int BucketOf(double value)
    {
        var bounds = _bounds;
        if (bounds.Length == 0)
        {
            return double.IsNaN(value) ? -1 : 0;
        }

        if (!(value > bounds[0]))
        {
            return -1;
        }

        if (bounds.Length <= 8)
        {
            for (var i = 1; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    return i - 1;
                }
            }

            return bounds.Length - 1;
        }

        // The first bound >= value, searched after b0 (which is below value).
        int low = 1, high = bounds.Length;
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

        return low - 1;
    }
}
