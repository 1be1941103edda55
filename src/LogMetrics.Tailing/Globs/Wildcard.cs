namespace LogMetrics.Tailing.Globs;

/// <summary>Matches one path segment against a shell wildcard: *, ?, [abc], [a-z], [!a-z].</summary>
internal static class Wildcard
{
    public static bool HasWildcards(ReadOnlySpan<char> segment) => segment.IndexOfAny("*?[") >= 0;

    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, name[n]))
            {
                n++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            // Backtrack: let the last star swallow one more character.
            p = starP + 1;
            n = ++starN;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Matches pattern[p] (a literal, '?' or a class) against c and advances p past it on success.
    private static bool MatchOne(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        var pc = pattern[p];
        if (pc == '?')
        {
            p++;
            return true;
        }

        if (pc == '[')
        {
            var i = p + 1;
            var negate = i < pattern.Length && pattern[i] is '!' or '^';
            if (negate)
            {
                i++;
            }

            var classStart = i;
            var matched = false;
            while (i < pattern.Length && (pattern[i] != ']' || i == classStart))
            {
                var lo = pattern[i];
                var hi = lo;
                if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
                {
                    hi = pattern[i + 2];
                    i += 2;
                }

                matched |= c >= lo && c <= hi;
                i++;
            }

            if (i < pattern.Length)
            {
                if (matched == negate)
                {
                    return false;
                }

                p = i + 1;
                return true;
            }

            // No closing bracket: '[' is a literal.
        }

        return MatchLiteral(pattern, ref p, c);
    }

    private static bool MatchLiteral(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        if (pattern[p] == c)
        {
            p++;
            return true;
        }

        return false;
    }
}
