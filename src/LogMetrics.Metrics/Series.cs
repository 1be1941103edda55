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
/// </remarks>
public sealed class Series
{
    private readonly MetricFamily? _family;
    private readonly MetricValueType _valueType;
    private readonly HistogramState? _histogram;
    private string[]? _labelValues;
    private long _bits;
    private string _text = "";
    private long _timestampMs;
    private long _lastUpdateTicks;
    private long _updateOrder;
    private long _expireAfterMs;
    private volatile bool _removed;

    internal Series(MetricFamily? family, MetricDescriptor descriptor, string key, string sortKey, long updateOrder, double[] bounds)
    {
        _family = family;
        _valueType = descriptor.ValueType;
        Key = key;
        SortKey = sortKey;
        _updateOrder = updateOrder;
        _lastUpdateTicks = CoarseClock.NowTicks;
        if (descriptor.Kind == MetricKind.Histogram)
        {
            _valueType = MetricValueType.Buckets;
            _histogram = new HistogramState(bounds);
        }
    }

    /// <summary>The label values in the order the family declares its labels.</summary>
    public IReadOnlyList<string> LabelValues => _labelValues ??= LabelKey.Decode(Key);

    public long TimestampMs => Volatile.Read(ref _timestampMs);

    public long IntValue => _valueType switch
    {
        MetricValueType.Int => Volatile.Read(ref _bits),
        MetricValueType.Float => DoubleToLong(FloatBits),
        MetricValueType.String => long.TryParse(TextValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
        _ => _histogram?.Count ?? 0,
    };

    public double FloatValue => _valueType switch
    {
        MetricValueType.Int => Volatile.Read(ref _bits),
        MetricValueType.Float => FloatBits,
        MetricValueType.String => double.TryParse(TextValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
        _ => _histogram?.Sum ?? 0,
    };

    public string TextValue => _valueType switch
    {
        MetricValueType.String => Volatile.Read(ref _text),
        MetricValueType.Int => IntValue.ToString(CultureInfo.InvariantCulture),
        _ => GoFloatFormatter.FormatG(FloatValue),
    };

    public void SetInt(long value, long timestampMs)
    {
        switch (_valueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, value);
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(value));
                break;
            case MetricValueType.String:
                Volatile.Write(ref _text, value.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                _histogram?.Observe(value);
                break;
        }

        Touch(timestampMs);
    }

    public void AddInt(long delta, long timestampMs)
    {
        switch (_valueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, unchecked(_bits + delta));
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(FloatBits + delta));
                break;
            case MetricValueType.String:
                Volatile.Write(ref _text, unchecked(IntValue + delta).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                _histogram?.Observe(delta);
                break;
        }

        Touch(timestampMs);
    }

    public void SetFloat(double value, long timestampMs)
    {
        switch (_valueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, DoubleToLong(value));
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(value));
                break;
            case MetricValueType.String:
                Volatile.Write(ref _text, GoFloatFormatter.FormatG(value));
                break;
            default:
                _histogram?.Observe(value);
                break;
        }

        Touch(timestampMs);
    }

    public void AddFloat(double delta, long timestampMs)
    {
        switch (_valueType)
        {
            case MetricValueType.Int:
                Volatile.Write(ref _bits, DoubleToLong(_bits + delta));
                break;
            case MetricValueType.Float:
                Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(FloatBits + delta));
                break;
            case MetricValueType.String:
                Volatile.Write(ref _text, GoFloatFormatter.FormatG(FloatValue + delta));
                break;
            default:
                _histogram?.Observe(delta);
                break;
        }

        Touch(timestampMs);
    }

    public void SetText(string value, long timestampMs)
    {
        switch (_valueType)
        {
            case MetricValueType.String:
                Volatile.Write(ref _text, value ?? "");
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

    /// <summary>Histogram: records one observation.</summary>
    public void Observe(double value, long timestampMs)
    {
        if (_histogram is null)
        {
            SetFloat(value, timestampMs);
            return;
        }

        _histogram.Observe(value);
        Touch(timestampMs);
    }

    /// <summary>`del ... after`: the series is removed once it has not been updated for this long.</summary>
    public void ExpireAfter(TimeSpan idle)
    {
        var milliseconds = idle <= TimeSpan.Zero ? 0 : (long)Math.Max(1, Math.Min(idle.TotalMilliseconds, long.MaxValue / 2));
        Volatile.Write(ref _expireAfterMs, milliseconds);
        if (milliseconds > 0)
        {
            _family?.NoteExpiring();
        }
    }

    /// <summary>Histogram state read consistently: per-bucket (non-cumulative) counts ending with +Inf, sum, count.</summary>
    public HistogramSnapshot ReadHistogram() => _histogram?.Read() ?? new HistogramSnapshot([0], 0, 0);

    /// <summary>The `del ... after` idle time; zero when the series never expires.</summary>
    public TimeSpan ExpiresAfter => TimeSpan.FromMilliseconds(Volatile.Read(ref _expireAfterMs));

    /// <summary>The key of the values in declared label order.</summary>
    internal string Key { get; }

    /// <summary>The key of the values in sorted label-name order: the exposition order of series.</summary>
    internal string SortKey { get; }

    /// <summary>The family's update counter at the last update (or creation): the order for `limit` eviction.</summary>
    internal long UpdateOrder => Volatile.Read(ref _updateOrder);

    internal MetricValueType ValueType => _valueType;

    internal HistogramState? Histogram => _histogram;

    /// <summary>The coarse clock (<see cref="CoarseClock"/>) at the last update.</summary>
    internal long LastUpdateTicks => Volatile.Read(ref _lastUpdateTicks);

    internal long ExpireAfterMs => Volatile.Read(ref _expireAfterMs);

    /// <summary>Set once the family dropped the series; scrapes skip it.</summary>
    internal bool Removed
    {
        get => _removed;
        set => _removed = value;
    }

    private double FloatBits => BitConverter.Int64BitsToDouble(Volatile.Read(ref _bits));

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
