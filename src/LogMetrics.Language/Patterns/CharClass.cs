using System.Globalization;
using System.Text;

namespace LogMetrics.Language.Patterns;

/// <summary>A bracketed character class: code point ranges plus .NET-only pieces such as \p{L}.</summary>
internal sealed class CharClass
{
    private const int MaxBmp = 0xFFFF;

    private readonly List<(int Lo, int Hi)> _ranges = [];
    private readonly List<string> _raw = [];

    public bool Negated { get; set; }

    public IReadOnlyList<(int Lo, int Hi)> Ranges => _ranges;

    /// <summary>Pieces emitted as written, e.g. "\p{Lu}"; the set of code points they stand for is not known here.</summary>
    public IReadOnlyList<string> Raw => _raw;

    public void AddRange(int lo, int hi) => _ranges.Add((lo, hi));

    public void AddRanges(IEnumerable<(int Lo, int Hi)> ranges, bool negate)
    {
        if (!negate)
        {
            _ranges.AddRange(ranges);
            return;
        }

        var next = 0;
        foreach (var (lo, hi) in Normalize(ranges))
        {
            if (lo > next)
            {
                _ranges.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= 0x10FFFF)
        {
            _ranges.Add((next, 0x10FFFF));
        }
    }

    public void AddRaw(string netText) => _raw.Add(netText);

    /// <summary>True when every code point the class can match is in <paramref name="allowed"/>.</summary>
    public bool OnlyMatches(string allowed)
    {
        if (Negated || _raw.Count > 0)
        {
            return false;
        }

        foreach (var (lo, hi) in _ranges)
        {
            if (hi - lo > 64)
            {
                return false;
            }

            for (var c = lo; c <= hi; c++)
            {
                if (c > MaxBmp || !allowed.Contains((char)c, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return _ranges.Count > 0;
    }

    public bool Contains(int c)
    {
        foreach (var (lo, hi) in _ranges)
        {
            if (c >= lo && c <= hi)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The .NET text, e.g. "[0-9A-Fa-f]". Code points beyond the BMP are left out (.NET classes hold UTF-16 units).</summary>
    public string ToNet()
    {
        var sb = new StringBuilder("[");
        if (Negated)
        {
            sb.Append('^');
        }

        var any = false;
        foreach (var (lo, hi) in Normalize(_ranges))
        {
            if (lo > MaxBmp)
            {
                continue;
            }

            var top = Math.Min(hi, MaxBmp);
            if (top > lo + 1)
            {
                // .NET does not start a range at an escaped punctuation character ("[\--/]" is {'-', '/'}),
                // so range ends other than letters and digits are written as \uXXXX.
                AppendClassChar(sb, lo, inRange: true);
                sb.Append('-');
                AppendClassChar(sb, top, inRange: true);
            }
            else
            {
                AppendClassChar(sb, lo);
                if (top > lo)
                {
                    AppendClassChar(sb, top);
                }
            }

            any = true;
        }

        foreach (var raw in _raw)
        {
            sb.Append(raw);
            any = true;
        }

        if (!any)
        {
            // An empty class matches nothing; a negated empty class matches anything.
            return Negated ? @"[\s\S]" : @"[^\s\S]";
        }

        return sb.Append(']').ToString();
    }

    private static void AppendClassChar(StringBuilder sb, int c, bool inRange = false)
    {
        if (c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_')
        {
            sb.Append((char)c);
        }
        else if (c is > 0x20 and < 0x7F && !inRange)
        {
            sb.Append('\\').Append((char)c);
        }
        else
        {
            sb.Append("\\u").Append(c.ToString("X4", CultureInfo.InvariantCulture));
        }
    }

    private static List<(int Lo, int Hi)> Normalize(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Lo).ToList();
        var merged = new List<(int Lo, int Hi)>(sorted.Count);
        foreach (var r in sorted)
        {
            if (merged.Count > 0 && r.Lo <= merged[^1].Hi + 1)
            {
                var last = merged[^1];
                merged[^1] = (last.Lo, Math.Max(last.Hi, r.Hi));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
