using System.Globalization;

namespace LogMetrics.Metrics;

/// <summary>
/// A reusable buffer that holds the label values of one series while the runtime looks it up,
/// so that finding an existing series allocates nothing. Not thread-safe: one per executing thread.
/// </summary>
/// <remarks>The values are encoded as a <see cref="LabelKey"/>: unambiguous, and ordered as the values are.</remarks>
public sealed class LabelValuesBuilder
{
    private char[] _buffer = new char[128];
    private int _length;
    private int _count;

    /// <summary>Starts a new label set.</summary>
    public void Clear()
    {
        _length = 0;
        _count = 0;
    }

    /// <summary>Appends a string value.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        var zeros = value.Count(LabelKey.Escape);
        Reserve(value.Length + zeros + LabelKey.TerminatorLength);
        var destination = _buffer.AsSpan(_length);
        if (zeros == 0)
        {
            value.CopyTo(destination);
            _length += value.Length;
        }
        else
        {
            _length += LabelKey.EscapeInto(value, destination);
        }

        Terminate();
    }

    /// <summary>Appends an integer value, formatted in decimal.</summary>
    public void Add(long value)
    {
        Reserve(20 + LabelKey.TerminatorLength);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        Terminate();
    }

    /// <summary>Appends a float value, formatted as Go's %g does (mtail's label formatting).</summary>
    public void Add(double value)
    {
        Reserve(GoFloatFormatter.MaxLength + LabelKey.TerminatorLength);
        _length += GoFloatFormatter.FormatG(value, _buffer.AsSpan(_length));
        Terminate();
    }

    /// <summary>The number of values appended since <see cref="Clear"/>.</summary>
    public int Count => _count;

    /// <summary>The encoded key of the values appended so far.</summary>
    internal ReadOnlySpan<char> Key => _buffer.AsSpan(0, _length);

    private void Terminate()
    {
        _buffer[_length++] = LabelKey.Escape;
        _buffer[_length++] = LabelKey.Escape;
        _count++;
    }

    private void Reserve(int additional)
    {
        if (_length + additional > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + additional));
        }
    }
}
