namespace LogMetrics.Metrics;

/// <summary>
/// One label set of a family and its value. Written by one thread (the program's), read by scrapes.
/// Timestamps are Unix milliseconds: the log's time from strptime/settime, else the time the line was read.
/// </summary>
public sealed class Series
{
    public IReadOnlyList<string> LabelValues => throw new NotImplementedException();

    public long TimestampMs => throw new NotImplementedException();

    public long IntValue => throw new NotImplementedException();

    public double FloatValue => throw new NotImplementedException();

    public string TextValue => throw new NotImplementedException();

    public void SetInt(long value, long timestampMs) => throw new NotImplementedException();

    public void AddInt(long delta, long timestampMs) => throw new NotImplementedException();

    public void SetFloat(double value, long timestampMs) => throw new NotImplementedException();

    public void AddFloat(double delta, long timestampMs) => throw new NotImplementedException();

    public void SetText(string value, long timestampMs) => throw new NotImplementedException();

    /// <summary>Histogram: records one observation.</summary>
    public void Observe(double value, long timestampMs) => throw new NotImplementedException();

    /// <summary>`del ... after`: the series is removed once it has not been updated for this long.</summary>
    public void ExpireAfter(TimeSpan idle) => throw new NotImplementedException();

    /// <summary>Histogram state read consistently: per-bucket (non-cumulative) counts ending with +Inf, sum, count.</summary>
    public HistogramSnapshot ReadHistogram() => throw new NotImplementedException();
}

/// <summary>A consistent copy of a histogram series.</summary>
public readonly record struct HistogramSnapshot(long[] BucketCounts, double Sum, long Count);
