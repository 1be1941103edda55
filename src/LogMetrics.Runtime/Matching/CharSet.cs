namespace LogMetrics.Runtime.Matching;

/// <summary>A set of UTF-16 units, as a .NET character class without categories holds them: ASCII in a bitmap, the rest
/// as sorted ranges.</summary>
internal sealed class CharSet
{
    public static readonly CharSet AnyButNewline = Of([('\n', '\n')], negated: true);

    private readonly ulong _low;
    private readonly ulong _high;
    private readonly (char Lo, char Hi)[] _wide;
    private readonly bool _negated;

    private CharSet(ulong low, ulong high, (char Lo, char Hi)[] wide, bool negated, char? single)
    {
        _low = low;
        _high = high;
        _wide = wide;
        _negated = negated;
        Single = single;
    }

    /// <summary>The one character of a set that holds only it (a literal), else null.</summary>
    public char? Single { get; }

    public static CharSet Of(char c) => Of([(c, c)], negated: false);

    public static CharSet Of(IReadOnlyList<(char Lo, char Hi)> ranges, bool negated)
    {
        ulong low = 0, high = 0;
        var wide = new List<(char Lo, char Hi)>();
        foreach (var (lo, hi) in ranges)
        {
            for (int c = lo; c <= Math.Min((int)hi, 127); c++)
            {
                if (c < 64)
                {
                    low |= 1UL << c;
                }
                else
                {
                    high |= 1UL << (c - 64);
                }
            }

            if (hi >= 128)
            {
                wide.Add(((char)Math.Max((int)lo, 128), hi));
            }
        }

        wide.Sort((a, b) => a.Lo.CompareTo(b.Lo));
        char? single = !negated && ranges.Count > 0 && ranges.All(r => r.Lo == r.Hi && r.Lo == ranges[0].Lo) ? ranges[0].Lo : null;
        return new CharSet(low, high, [.. wide], negated, single);
    }

    public bool Contains(char c)
    {
        bool inside;
        if (c < 64)
        {
            inside = (_low & (1UL << c)) != 0;
        }
        else if (c < 128)
        {
            inside = (_high & (1UL << (c - 64))) != 0;
        }
        else
        {
            inside = false;
            foreach (var (lo, hi) in _wide)
            {
                if (c < lo)
                {
                    break;
                }

                if (c <= hi)
                {
                    inside = true;
                    break;
                }
            }
        }

        return inside != _negated;
    }
}
