using System.Globalization;

namespace LogMetrics.Metrics;

/// <summary>
/// One label set of a family and its value. Written by one thread (the program's), read by scrapes.
/// Timestamps are Unix milliseconds: the log's time from strptime/settime, else the time the line was read.
/// </summary>
/// <remarks>
/// The value is one 64-bit field (a long, or a double's bits) written with volatile stores, atomic on 64-bit
/// platforms; the single writer makes read-modify-write safe without interlocked operations. Setters of another
/// value type convert rather than throw, since the program's types are checked before it runs.
/// <para>
/// Memory: a store may hold millions of series, so a series is kept to 80 bytes (on 64-bit): the label values live
/// only in <see cref="Key"/> (decoded when read), the sort order is computed from it, and what only some series need
/// (text, histogram buckets, `del ... after`) is in a separate <see cref="SeriesState"/>.
/// </para>
/// </remarks>
public sealed class Series
{
    private readonly MetricFamily? _family;
    private SeriesState? _state;
    private long _bits;
    private long _timestampMs;
    private long _lastUpdateTicks;
    private long _updateOrder;
    private readonly byte _valueType;
    private volatile bool _removed;

    internal Series(MetricFamily? family, MetricDescriptor descriptor, string key, int hash, long updateOrder, double[] bounds)
    {
        _family = family;
        var valueType = descriptor.ValueType;
        Key = key;
        Hash = hash;
        _updateOrder = updateOrder;
        _lastUpdateTicks = CoarseClock.NowTicks;
        if (descriptor.Kind == MetricKind.Histogram)
        {
            valueType = MetricValueType.Buckets;
            _state = new HistogramState(bounds);
        }
        else if (descriptor.Kind == MetricKind.Summary)
        {
            valueType = MetricValueType.Quantiles;
            _state = new SummaryState([.. descriptor.Quantiles], [.. descriptor.QuantileErrors], descriptor.MaxAge,
                family?.ClockMs ?? (static () => CoarseClock.NowTicks));
        }
        else if (valueType == MetricValueType.String)
        {
            _state = new TextState();
        }

        _valueType = (byte)valueType;
    }

    /// <summary>The label values in the order the family declares its labels.</summary>
    public IReadOnlyList<string> LabelValues => LabelKey.Decode(Key);

    public long TimestampMs => Volatile.Read(ref _timestampMs);

    public long IntValue => ValueType switch
    {
        MetricValueType.Int => Volatile.Read(ref _bits),
        MetricValueType.Float => DoubleToLong(FloatBits),
        MetricValueType.String => long.TryParse(TextValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
        _ => Histogram?.Count ?? Summary?.Count ?? 0,
    };

    public double FloatValue => ValueType switch
    {
        MetricValueType.Int => Volatile.Read(ref _bits),
        MetricValueType.Float => FloatBits,
        MetricValueType.String => double.TryParse(TextValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
        _ => Histogram?.Sum ?? Summary?.Sum ?? 0,
    };

    public string TextValue => ValueType switch
    {
        MetricValueType.String => Text?.Text ?? "",
        MetricValueType.Int => IntValue.ToString(CultureInfo.InvariantCulture),
        _ => GoFloatFormatter.FormatG(FloatValue),
    };

    public void SetInt(long value, long timestampMs)
    {
        switch (ValueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, value);
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(value));
                break;
            case MetricValueType.String:
                SetTextValue(value.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                Volatile.Read(ref _state)?.Observe(value);
                break;
        }

        Touch(timestampMs);
    }

    public void AddInt(long delta, long timestampMs)
    {
        switch (ValueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, unchecked(_bits + delta));
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(FloatBits + delta));
                break;
            case MetricValueType.String:
                SetTextValue(unchecked(IntValue + delta).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                Volatile.Read(ref _state)?.Observe(delta);
                break;
        }

        Touch(timestampMs);
    }

    public void SetFloat(double value, long timestampMs)
    {
        switch (ValueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, DoubleToLong(value));
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(value));
                break;
            case MetricValueType.String:
                SetTextValue(GoFloatFormatter.FormatG(value));
                break;
            default:
                Volatile.Read(ref _state)?.Observe(value);
                break;
        }

        Touch(timestampMs);
    }

    public void AddFloat(double delta, long timestampMs)
    {
        switch (ValueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, DoubleToLong(_bits + delta));
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(FloatBits + delta));
                break;
            case MetricValueType.String:
                SetTextValue(GoFloatFormatter.FormatG(FloatValue + delta));
                break;
            default:
                Volatile.Read(ref _state)?.Observe(delta);
                break;
        }

        Touch(timestampMs);
    }

    public void SetText(string value, long timestampMs)
    {
        switch (ValueType)
        {
            case MetricValueType.String:
                SetTextValue(value ?? "");
                break;
            case MetricValueType.Int when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                Volatile.Write(ref _bits, parsed);
                break;
            case MetricValueType.Float when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(parsed));
                break;
            default:
                return;
        }

        Touch(timestampMs);
    }

    /// <summary>Histogram or summary: records one observation.</summary>
    public void Observe(double value, long timestampMs)
    {
        if (ValueType is not (MetricValueType.Buckets or MetricValueType.Quantiles))
        {
            SetFloat(value, timestampMs);
            return;
        }

        Volatile.Read(ref _state)?.Observe(value);
        Touch(timestampMs);
    }

    /// <summary>`del ... after`: the series is removed once it has not been updated for this long.</summary>
    public void ExpireAfter(TimeSpan idle)
    {
        var milliseconds = idle <= TimeSpan.Zero ? 0 : (long)Math.Max(1, Math.Min(idle.TotalMilliseconds, long.MaxValue / 2));
        var state = Volatile.Read(ref _state);
        if (state is null)
        {
            if (milliseconds == 0)
            {
                return;
            }

            state = new SeriesState();
            Volatile.Write(ref _state, state);
        }

        state.ExpireAfterMs = milliseconds;
        if (milliseconds > 0)
        {
            _family?.NoteExpiring();
        }
    }

    /// <summary>Histogram state read consistently: per-bucket (non-cumulative) counts of the buckets le=b1..bn and +Inf
    /// (values at or below b0 are in none of them), the sum and the count.</summary>
    public HistogramSnapshot ReadHistogram() => Histogram?.Read() ?? new HistogramSnapshot([0], 0, 0);

    /// <summary>Summary state read consistently: the quantile estimates in declared order (NaN while the window is
    /// empty), the cumulative sum and count.</summary>
    public SummarySnapshot ReadSummary()
    {
        if (Summary is { } summary)
        {
            var (values, sum, count) = summary.Read();
            return new SummarySnapshot(values, sum, count);
        }

        return new SummarySnapshot([], 0, 0);
    }

    /// <summary>The `del ... after` idle time; zero when the series never expires.</summary>
    public TimeSpan ExpiresAfter => TimeSpan.FromMilliseconds(ExpireAfterMs);

    /// <summary>The key of the values in declared label order.</summary>
    internal string Key { get; }

    /// <summary>The hash of <see cref="Key"/> (<see cref="SeriesTable.HashOf"/>).</summary>
    internal int Hash { get; }

    /// <summary>The family's update counter at the last update (or creation): the order for `limit` eviction.</summary>
    internal long UpdateOrder => Volatile.Read(ref _updateOrder);

    internal MetricValueType ValueType => (MetricValueType)_valueType;

    internal HistogramState? Histogram => Volatile.Read(ref _state) as HistogramState;

    internal SummaryState? Summary => Volatile.Read(ref _state) as SummaryState;

    /// <summary>The coarse clock (<see cref="CoarseClock"/>) at the last update.</summary>
    internal long LastUpdateTicks => Volatile.Read(ref _lastUpdateTicks);

    internal long ExpireAfterMs => Volatile.Read(ref _state)?.ExpireAfterMs ?? 0;

    /// <summary>Whether the series is in the family's sorted scrape cache; read and written under the family's lock.</summary>
    internal bool Listed { get; set; }

    /// <summary>Set once the family dropped the series; scrapes skip it.</summary>
    internal bool Removed
    {
        get => _removed;
        set => _removed = value;
    }

    private TextState? Text => Volatile.Read(ref _state) as TextState;

    private double FloatBits => BitConverter.Int64BitsToDouble(Volatile.Read(ref _bits));

    private void SetTextValue(string value)
    {
        if (Text is { } text)
        {
            text.Text = value;
        }
    }

    private void Touch(long timestampMs)
    {
        Volatile.Write(ref _timestampMs, timestampMs);
        Volatile.Write(ref _lastUpdateTicks, CoarseClock.NowTicks);
        if (_family is not null)
        {
            Volatile.Write(ref _updateOrder, _family.NextUpdateOrder());
        }
    }

    // Saturating like .NET's conversion, with NaN as 0.
    private static long DoubleToLong(double value) => double.IsNaN(value) ? 0 : (long)value;
}
