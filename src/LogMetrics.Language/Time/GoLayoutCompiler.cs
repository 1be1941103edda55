namespace LogMetrics.Language.Time;

/// <summary>Splits a Go layout into elements exactly as time/format.go's nextStdChunk does.</summary>
internal static class GoLayoutCompiler
{
    public static GoLayoutElement[] Compile(string layout)
    {
        var elements = new List<GoLayoutElement>();
        var literalStart = 0;
        var i = 0;
        while (i < layout.Length)
        {
            if (TryMatch(layout, i, out var element, out var length, out var literalPrefix))
            {
                var end = i + literalPrefix;
                if (end > literalStart)
                {
                    elements.Add(new GoLayoutElement(GoLayoutElementKind.Literal, layout[literalStart..end]));
                }

                elements.Add(element);
                i = end + length;
                literalStart = i;
            }
            else
            {
                i++;
            }
        }

        if (literalStart < layout.Length)
        {
            elements.Add(new GoLayoutElement(GoLayoutElementKind.Literal, layout[literalStart..]));
        }

        return elements.ToArray();
    }

    private static bool TryMatch(string s, int i, out GoLayoutElement element, out int length, out int literalPrefix)
    {
        literalPrefix = 0;
        var found = Match(s, i, ref literalPrefix);
        element = new GoLayoutElement(found.Kind, Digits: found.Digits);
        length = found.Length;
        return found.Length > 0;
    }

    private static (GoLayoutElementKind Kind, int Length, int Digits) Match(string s, int i, ref int literalPrefix)
    {
        var rest = s.AsSpan(i);
        (GoLayoutElementKind, int, int) none = (GoLayoutElementKind.Literal, 0, 0);
        switch (s[i])
        {
            case 'J' when Is(rest, "Jan"):
                if (Is(rest, "January"))
                {
                    return Set(GoLayoutElementKind.LongMonth, 7);
                }

                return StartsWithLower(s, i + 3) ? none : Set(GoLayoutElementKind.Month, 3);
            case 'M' when Is(rest, "Mon"):
                if (Is(rest, "Monday"))
                {
                    return Set(GoLayoutElementKind.LongWeekDay, 6);
                }

                return StartsWithLower(s, i + 3) ? none : Set(GoLayoutElementKind.WeekDay, 3);
            case 'M' when Is(rest, "MST"):
                return Set(GoLayoutElementKind.TZ, 3);
            case '0' when rest.Length >= 2 && rest[1] is >= '1' and <= '6':
                return Set(rest[1] switch
                {
                    '1' => GoLayoutElementKind.ZeroMonth,
                    '2' => GoLayoutElementKind.ZeroDay,
                    '3' => GoLayoutElementKind.ZeroHour12,
                    '4' => GoLayoutElementKind.ZeroMinute,
                    '5' => GoLayoutElementKind.ZeroSecond,
                    _ => GoLayoutElementKind.Year,
                }, 2);
            case '0' when Is(rest, "002"):
                return Set(GoLayoutElementKind.ZeroYearDay, 3);
            case '1':
                return Is(rest, "15") ? Set(GoLayoutElementKind.Hour, 2) : Set(GoLayoutElementKind.NumMonth, 1);
            case '2':
                return Is(rest, "2006") ? Set(GoLayoutElementKind.LongYear, 4) : Set(GoLayoutElementKind.Day, 1);
            case '_' when Is(rest, "_2"):
                if (Is(rest, "_2006"))
                {
                    // "_2006" is a literal '_' followed by the year.
                    literalPrefix = 1;
                    return Set(GoLayoutElementKind.LongYear, 4);
                }

                return Set(GoLayoutElementKind.UnderDay, 2);
            case '_' when Is(rest, "__2"):
                return Set(GoLayoutElementKind.UnderYearDay, 3);
            case '3':
                return Set(GoLayoutElementKind.Hour12, 1);
            case '4':
                return Set(GoLayoutElementKind.Minute, 1);
            case '5':
                return Set(GoLayoutElementKind.Second, 1);
            case 'P' when Is(rest, "PM"):
                return Set(GoLayoutElementKind.PM, 2);
            case 'p' when Is(rest, "pm"):
                return Set(GoLayoutElementKind.LowerPM, 2);
            case '-':
                if (Is(rest, "-070000"))
                {
                    return Set(GoLayoutElementKind.NumSecondsTZ, 7);
                }

                if (Is(rest, "-07:00:00"))
                {
                    return Set(GoLayoutElementKind.NumColonSecondsTZ, 9);
                }

                if (Is(rest, "-0700"))
                {
                    return Set(GoLayoutElementKind.NumTZ, 5);
                }

                if (Is(rest, "-07:00"))
                {
                    return Set(GoLayoutElementKind.NumColonTZ, 6);
                }

                return !Is(rest, "-07") ? none : Set(GoLayoutElementKind.NumShortTZ, 3);
            case 'Z':
                if (Is(rest, "Z070000"))
                {
                    return Set(GoLayoutElementKind.ISO8601SecondsTZ, 7);
                }

                if (Is(rest, "Z07:00:00"))
                {
                    return Set(GoLayoutElementKind.ISO8601ColonSecondsTZ, 9);
                }

                if (Is(rest, "Z0700"))
                {
                    return Set(GoLayoutElementKind.ISO8601TZ, 5);
                }

                if (Is(rest, "Z07:00"))
                {
                    return Set(GoLayoutElementKind.ISO8601ColonTZ, 6);
                }

                return !Is(rest, "Z07") ? none : Set(GoLayoutElementKind.ISO8601ShortTZ, 3);
            case '.' or ',' when rest.Length >= 2 && rest[1] is '0' or '9':
                var digit = rest[1];
                var j = 1;
                while (j < rest.Length && rest[j] == digit)
                {
                    j++;
                }

                if (j < rest.Length && char.IsAsciiDigit(rest[j]))
                {
                    return none;
                }

                return (digit == '0' ? GoLayoutElementKind.FracSecond0 : GoLayoutElementKind.FracSecond9, j, j - 1);
        }

        return none;
    }

    private static bool Is(ReadOnlySpan<char> rest, string token) => rest.StartsWith(token, StringComparison.Ordinal);

    private static (GoLayoutElementKind, int, int) Set(GoLayoutElementKind kind, int length) => (kind, length, 0);

    private static bool StartsWithLower(string s, int i) => i < s.Length && s[i] is >= 'a' and <= 'z';
}
