using System.Buffers;
using System.Runtime.CompilerServices;

namespace LogMetrics.Runtime.Matching;

/// <summary>A set of UTF-16 units, as a .NET character class without categories holds them: ASCII in a bitmap, the rest
/// as sorted ranges.</summary>
internal sealed class CharSet
{
    /// <summary>A new set of every character but \n (what . matches without options). Sets are not shared: <see cref="WithRuns"/> readies one in place.</summary>
    public static CharSet AnyButNewline() => Of([('\n', '\n')], negated: true);

    private readonly ulong _low;
    private readonly ulong _high;
    private readonly (char Lo, char Hi)[] _wide;
    private readonly bool _negated;

    // For runs: the members, or (when there are fewer of them) the characters outside the set; vectorized searches.
    private SearchValues<char>? _runStops;
    private bool _stopsAreOutside;

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

    /// <summary>Readies <see cref="Run"/> (a set that only ever matches one character at a time does without).</summary>
    public CharSet WithRuns()
    {
        if (_runStops is not null)
        {
            return this;
        }

        // The members as sorted, disjoint ranges over all of UTF-16; the smaller side is listed for the search.
        var inside = new List<(int Lo, int Hi)>();
        for (var c = 0; c < 128; c++)
        {
            if ((c < 64 ? (_low >> c) & 1 : (_high >> (c - 64)) & 1) != 0)
            {
                Extend(inside, c, c);
            }
        }

        foreach (var (lo, hi) in _wide)
        {
            Extend(inside, lo, hi);
        }

        var members = _negated ? Complement(inside) : inside;
        var count = members.Sum(r => r.Hi - r.Lo + 1);
        _stopsAreOutside = count > (char.MaxValue + 1) / 2;
        var listed = _stopsAreOutside ? Complement(members) : members;
        var chars = new List<char>();
        foreach (var (lo, hi) in listed)
        {
            for (var c = lo; c <= hi; c++)
            {
                chars.Add((char)c);
            }
        }

        _runStops = SearchValues.Create([.. chars]);
        return this;
    }

    // Ranges arrive sorted by their start; overlapping or touching ones merge.
    private static void Extend(List<(int Lo, int Hi)> ranges, int lo, int hi)
    {
        if (ranges.Count > 0 && lo <= ranges[^1].Hi + 1)
        {
            ranges[^1] = (ranges[^1].Lo, Math.Max(ranges[^1].Hi, hi));
            return;
        }

        ranges.Add((lo, hi));
    }

    private static List<(int Lo, int Hi)> Complement(List<(int Lo, int Hi)> ranges)
    {
        var result = new List<(int Lo, int Hi)>();
        var next = 0;
        foreach (var (lo, hi) in ranges)
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= char.MaxValue)
        {
            result.Add((next, char.MaxValue));
        }

        return result;
    }

    /// <summary>How many characters at the start of <paramref name="text"/> are in the set.</summary>
    public int Run(ReadOnlySpan<char> text)
    {
        var stop = _stopsAreOutside ? text.IndexOfAny(_runStops!) : text.IndexOfAnyExcept(_runStops!);
        return stop < 0 ? text.Length : stop;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
            inside = ContainsWide(c);
        }

        return inside != _negated;
    }

    private bool ContainsWide(char c)
    {
        foreach (var (lo, hi) in _wide)
        {
            if (c < lo)
            {
                break;
            }

            if (c <= hi)
            {
                return true;
            }
        }

        return false;
    }
}
