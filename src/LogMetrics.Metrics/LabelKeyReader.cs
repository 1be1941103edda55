namespace LogMetrics.Metrics;

/// <summary>Walks the values of a <see cref="LabelKey"/> without allocating.</summary>
internal ref struct LabelKeyReader
{
    private readonly ReadOnlySpan<char> _key;
    private int _position;

    public LabelKeyReader(ReadOnlySpan<char> key)
    {
        _key = key;
        _position = 0;
    }

    /// <summary>The next value, still escaped when <paramref name="escaped"/> is true.</summary>
    public bool Next(out ReadOnlySpan<char> segment, out bool escaped)
    {
        if (!NextRange(out var range, out escaped))
        {
            segment = default;
            return false;
        }

        segment = _key[range];
        return true;
    }

    public bool NextRange(out Range range) => NextRange(out range, out _);

    private bool NextRange(out Range range, out bool escaped)
    {
        escaped = false;
        var start = _position;
        var search = start;
        while (search < _key.Length)
        {
            var zero = _key[search..].IndexOf(LabelKey.Escape);
            if (zero < 0 || search + zero + 1 >= _key.Length)
            {
                break;
            }

            zero += search;
            if (_key[zero + 1] == LabelKey.Escape)
            {
                range = new Range(start, zero);
                _position = zero + LabelKey.TerminatorLength;
                return true;
            }

            escaped = true;
            search = zero + 2;
        }

        range = default;
        _position = _key.Length;
        return false;
    }
}
