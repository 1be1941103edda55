using LogMetrics.Language.Time;

namespace LogMetrics.Runtime.Codegen;

/// <summary>
/// strptime's parsed times by text, memoised like mtail's (only successes: a failure is reported every time), with the
/// last text first since consecutive lines mostly repeat it. Used by one program thread only.
/// </summary>
internal sealed class StrptimeCache
{
    private const int Capacity = 64;

    private readonly GoTimeLayout _layout;
    private readonly TimeZoneInfo _zone;
    private readonly bool _currentYear;
    private readonly Dictionary<string, long> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private string? _lastValue;
    private long _lastMs;

    public StrptimeCache(GoTimeLayout layout, TimeZoneInfo zone, bool currentYear)
    {
        _layout = layout;
        _zone = zone;
        _currentYear = currentYear;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The time of <paramref name="text"/> in Unix ms; <paramref name="value"/> is the same text as a string when the caller has one.</summary>
    public bool TryParse(ReadOnlySpan<char> text, string? value, long readTimeMs, out long ms)
    {
        if (_lastValue is not null && text.SequenceEqual(_lastValue))
        {
            ms = _lastMs;
            return true;
        }

        if (_lookup.TryGetValue(text, out var key, out ms))
        {
            _lastValue = key;
            _lastMs = ms;
            return true;
        }

        value ??= text.ToString();
        if (!TryParseTime(value, readTimeMs, out ms))
        {
            return false;
        }

        if (_cache.Count >= Capacity)
        {
            _cache.Clear();
        }

        _cache[value] = ms;
        _lastValue = value;
        _lastMs = ms;
        return true;
    }

    /// <summary>Parses as Go's time.Parse does; a yearless value is year 0 unless the current year is added.</summary>
    private bool TryParseTime(string value, long readTimeMs, out long ms)
    {
        if (!_layout.TryParseUnix(value, _zone, _currentYear, DateTimeOffset.FromUnixTimeMilliseconds(readTimeMs), out var seconds, out var nanoseconds))
        {
            ms = 0;
            return false;
        }

        ms = (seconds * 1000) + (nanoseconds / 1_000_000);
        return true;
    }
}
