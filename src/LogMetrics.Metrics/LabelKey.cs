namespace LogMetrics.Metrics;

/// <summary>
/// The encoding of a label-value list as one string, used as the dictionary key of a series.
/// Each value is written with U+0000 escaped as "\0\u0001" and ends with "\0\0". The encoding is
/// unambiguous and order-preserving: comparing two keys ordinally compares their value lists
/// value by value, so keys in sorted label-name order sort series as client_golang does.
/// </summary>
internal static class LabelKey
{
    public const char Escape = '\0';
    public const char EscapedZero = '\u0001';
    public const int TerminatorLength = 2;

    /// <summary>Writes <paramref name="value"/> escaped, without terminator; returns the length written.</summary>
    public static int EscapeInto(ReadOnlySpan<char> value, Span<char> destination)
    {
        var position = 0;
        foreach (var c in value)
        {
            destination[position++] = c;
            if (c == Escape)
            {
                destination[position++] = EscapedZero;
            }
        }

        return position;
    }

    /// <summary>Turns an escaped segment back into the value; <paramref name="destination"/> needs segment.Length chars.</summary>
    public static int Unescape(ReadOnlySpan<char> segment, Span<char> destination)
    {
        var position = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            destination[position++] = segment[i];
            if (segment[i] == Escape)
            {
                i++;
            }
        }

        return position;
    }

    public static string UnescapeToString(ReadOnlySpan<char> segment, bool escaped)
    {
        if (!escaped)
        {
            return new string(segment);
        }

        Span<char> buffer = segment.Length <= 256 ? stackalloc char[segment.Length] : new char[segment.Length];
        return new string(buffer[..Unescape(segment, buffer)]);
    }

    /// <summary>The values of a key, in key order.</summary>
    public static string[] Decode(string key)
    {
        var count = 0;
        var reader = new LabelKeyReader(key);
        while (reader.Next(out _, out _))
        {
            count++;
        }

        if (count == 0)
        {
            return [];
        }

        var values = new string[count];
        reader = new LabelKeyReader(key);
        for (var i = 0; reader.Next(out var segment, out var escaped); i++)
        {
            values[i] = UnescapeToString(segment, escaped);
        }

        return values;
    }

    /// <summary>Compares two keys of <paramref name="order"/>.Length values as their permutations
    /// (<see cref="Permute"/>) compare ordinally, without building them.</summary>
    /// <remarks>Comparing the escaped values one by one, a value that is a prefix of the other first, is the same
    /// as comparing the whole keys: the terminator "\0\0" sorts below any character and below an escape "\0\u0001".</remarks>
    public static int Compare(string a, string b, int[] order)
    {
        Span<Range> rangesA = order.Length <= 16 ? stackalloc Range[order.Length] : new Range[order.Length];
        Span<Range> rangesB = order.Length <= 16 ? stackalloc Range[order.Length] : new Range[order.Length];
        if (ReadRanges(a, rangesA) != order.Length || ReadRanges(b, rangesB) != order.Length)
        {
            return string.CompareOrdinal(a, b);
        }

        foreach (var index in order)
        {
            var byValue = a.AsSpan(rangesA[index]).SequenceCompareTo(b.AsSpan(rangesB[index]));
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return 0;
    }

    /// <summary>The ranges of the (escaped) values of a key, up to the span's length; returns how many were read.</summary>
    public static int ReadRanges(ReadOnlySpan<char> key, Span<Range> ranges)
    {
        var reader = new LabelKeyReader(key);
        var count = 0;
        while (count < ranges.Length && reader.NextRange(out var range))
        {
            ranges[count++] = range;
        }

        return count;
    }

    /// <summary>The key with its values reordered: value i of the result is value order[i] of the input.</summary>
    public static string Permute(string key, int[] order)
    {
        var ranges = new Range[order.Length];
        var reader = new LabelKeyReader(key);
        var count = 0;
        while (count < ranges.Length && reader.NextRange(out var range))
        {
            ranges[count++] = range;
        }

        if (count != order.Length)
        {
            return key;
        }

        return string.Create(key.Length, (key, order, ranges), static (destination, state) =>
        {
            var position = 0;
            foreach (var index in state.order)
            {
                var segment = state.key.AsSpan(state.ranges[index]);
                segment.CopyTo(destination[position..]);
                position += segment.Length;
                destination[position++] = Escape;
                destination[position++] = Escape;
            }
        });
    }

    /// <summary>The key with <paramref name="value"/> inserted as value number <paramref name="position"/>.</summary>
    public static string Insert(string key, int position, string value)
    {
        var reader = new LabelKeyReader(key);
        var offset = 0;
        for (var i = 0; i < position && reader.NextRange(out var range); i++)
        {
            offset = range.End.Value + TerminatorLength;
        }

        var escapedLength = value.Length + value.AsSpan().Count(Escape);
        return string.Create(key.Length + escapedLength + TerminatorLength, (key, offset, value), static (destination, state) =>
        {
            state.key.AsSpan(0, state.offset).CopyTo(destination);
            var position = state.offset + EscapeInto(state.value, destination[state.offset..]);
            destination[position++] = Escape;
            destination[position++] = Escape;
            state.key.AsSpan(state.offset).CopyTo(destination[position..]);
        });
    }
}
