namespace LogMetrics.Metrics;

/// <summary>What only some series need, kept out of <see cref="Series"/> so that plain counters and gauges stay small:
/// the `del ... after` time here, a text value or histogram buckets in the subclasses.</summary>
internal class SeriesState
{
    private long _expireAfterMs;

    /// <summary>The `del ... after` idle time in milliseconds; 0 when the series never expires.</summary>
    public long ExpireAfterMs
    {
        get => Volatile.Read(ref _expireAfterMs);
        set => Volatile.Write(ref _expireAfterMs, value);
    }

    /// <summary>Records one observation (histograms and summaries); other states ignore it.</summary>
    public virtual void Observe(double value)
    {
    }
}
