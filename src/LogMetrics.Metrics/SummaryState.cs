namespace LogMetrics.Metrics;

/// <summary>
/// One summary series with client_golang's semantics: the sum and count are cumulative, the quantiles cover a
/// sliding window of <c>max_age</c>. The window is kept as <see cref="AgeBuckets"/> streams that each receive every
/// value; every max_age/AgeBuckets the oldest is cleared and becomes the newest, and quantiles are read from the
/// oldest, which holds between max_age·(1 - 1/AgeBuckets) and max_age of history.
/// </summary>
/// <remarks>The writer and scrapes share the streams under one lock (a query flushes a stream's buffer).</remarks>
internal sealed class SummaryState : SeriesState
{
    /// <summary>client_golang's DefAgeBuckets, which grok_exporter keeps.</summary>
    public const int AgeBuckets = 5;

    private readonly Lock _lock = new();
    private readonly double[] _quantiles;
    private readonly TargetedQuantileStream[] _streams;
    private readonly long _bucketMs;
    private readonly Func<long> _clockMs;
    private int _head;
    private long _headExpiresMs;
    private double _sum;
    private long _count;

    public SummaryState(double[] quantiles, double[] errors, TimeSpan maxAge, Func<long> clockMs)
    {
        _quantiles = quantiles;
        _clockMs = clockMs;
        _bucketMs = Math.Max(1, (long)(maxAge.TotalMilliseconds / AgeBuckets));
        _streams = new TargetedQuantileStream[AgeBuckets];
        for (var i = 0; i < AgeBuckets; i++)
        {
            _streams[i] = new TargetedQuantileStream(quantiles, errors);
        }

        _headExpiresMs = clockMs() + _bucketMs;
    }

    public override void Observe(double value)
    {
        lock (_lock)
        {
            Rotate(_clockMs());
            foreach (var stream in _streams)
            {
                stream.Insert(value);
            }

            _sum += value;
            _count++;
        }
    }

    /// <summary>The quantile estimates in declared order (NaN for an empty window), the sum and the count.</summary>
    public (double[] Values, double Sum, long Count) Read()
    {
        lock (_lock)
        {
            Rotate(_clockMs());
            var values = new double[_quantiles.Length];
            var head = _streams[_head];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = head.Query(_quantiles[i]);
            }

            return (values, _sum, _count);
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

    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    // As client_golang's maybeRotateStreams: one rotation per elapsed age bucket, clearing the head each time.
    private void Rotate(long nowMs)
    {
        var rotations = 0;
        while (nowMs >= _headExpiresMs)
        {
            _streams[_head].Reset();
            _head = (_head + 1) % AgeBuckets;
            _headExpiresMs += _bucketMs;
            if (++rotations >= AgeBuckets)
            {
                // Everything is cleared; skip the rest of a long idle time at once.
                var behind = (nowMs - _headExpiresMs) / _bucketMs + 1;
                _headExpiresMs += Math.Max(0, behind) * _bucketMs;
                break;
            }
        }
    }
}
