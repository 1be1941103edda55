namespace LogMetrics.Language.Time;

/// <summary>A Go reference-time layout ("Mon Jan 2 15:04:05 MST 2006"), compiled once, as strptime() uses it.</summary>
public sealed class GoTimeLayout
{
    private static readonly string[] s_longMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] s_shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] s_longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] s_shortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private readonly GoLayoutElement[] _elements;

    private GoTimeLayout(string layout, GoLayoutElement[] elements)
    {
        Layout = layout;
        _elements = elements;
    }

    /// <summary>Compiles a layout. Go accepts any text as a layout; see <see cref="HasElements"/> and <see cref="ParsesItself"/>.</summary>
    public static GoTimeLayout Compile(string layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new GoTimeLayout(layout, GoLayoutCompiler.Compile(layout));
    }

    /// <summary>False for a layout of literal text only, which can only ever match that text (`%Y-%m-%d` is one).</summary>
    public bool HasElements => _elements.Any(e => e.Kind != GoLayoutElementKind.Literal);

    /// <summary>
    /// mtail's compile-time check of a strptime layout: the layout itself, with `_` removed and `Z` read as `+`, must
    /// parse as a time (so "2017-10-16 06:50:25", whose "2" is a day and "017" a month, is refused).
    /// </summary>
    public bool ParsesItself() =>
        TryParseUnix(Layout.Replace("_", "", StringComparison.Ordinal).Replace('Z', '+'), TimeZoneInfo.Utc, false, DateTimeOffset.UnixEpoch, out _, out _);

    public string Layout { get; }

    /// <summary>Parses a value as Go's time.ParseInLocation does. A value without a year takes year 0, or the current year
    /// of <paramref name="now"/> when <paramref name="useCurrentYear"/> is set; a value without a zone is read in <paramref name="zone"/>.</summary>
    public bool TryParse(ReadOnlySpan<char> value, TimeZoneInfo zone, bool useCurrentYear, DateTimeOffset now, out DateTimeOffset result)
    {
        result = default;
        if (!TryParseCore(value, zone, useCurrentYear, now, out var unixSeconds, out var nanoseconds, out var offsetSeconds))
        {
            return false;
        }

        // DateTimeOffset holds years 1..9999 only, and offsets in whole minutes up to 14 hours.
        const long minUnix = -62135596800L;
        const long maxUnix = 253402300799L;
        if (unixSeconds < minUnix || unixSeconds > maxUnix)
        {
            return false;
        }

        var offset = offsetSeconds % 60 == 0 && Math.Abs(offsetSeconds) <= 14 * 3600 ? TimeSpan.FromSeconds(offsetSeconds) : TimeSpan.Zero;
        var utcTicks = DateTime.UnixEpoch.Ticks + unixSeconds * TimeSpan.TicksPerSecond + nanoseconds / 100;
        var localTicks = utcTicks + offset.Ticks;
        if (localTicks < DateTime.MinValue.Ticks || localTicks > DateTime.MaxValue.Ticks)
        {
            offset = TimeSpan.Zero;
        }

        result = new DateTimeOffset(new DateTime(utcTicks, DateTimeKind.Utc)).ToOffset(offset);
        return true;
    }

    /// <summary>Parses a value to Unix time. Unlike <see cref="TryParse"/> this handles any year, including year 0.</summary>
    public bool TryParseUnix(ReadOnlySpan<char> value, TimeZoneInfo zone, bool useCurrentYear, DateTimeOffset now, out long unixSeconds, out int nanoseconds) =>
        TryParseCore(value, zone, useCurrentYear, now, out unixSeconds, out nanoseconds, out _);

    public override string ToString() => Layout;

    private bool TryParseCore(ReadOnlySpan<char> value, TimeZoneInfo zone, bool useCurrentYear, DateTimeOffset now,
        out long unixSeconds, out int nanoseconds, out int offsetSeconds)
    {
        ArgumentNullException.ThrowIfNull(zone);
        unixSeconds = 0;
        nanoseconds = 0;
        offsetSeconds = 0;
        long year = 0;
        int month = -1, day = -1, yday = -1, hour = 0, minute = 0, second = 0, nsec = 0;
        bool pmSet = false, amSet = false;
        var zoneRead = default(GoZoneRead);

        for (var i = 0; i < _elements.Length; i++)
        {
            var e = _elements[i];
            int n;
            switch (e.Kind)
            {
                case GoLayoutElementKind.Literal:
                    if (!Skip(ref value, e.Literal))
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.Year:
                    if (value.Length < 2 || !IsDigit(value, 0) || !IsDigit(value, 1))
                    {
                        return false;
                    }

                    year = (value[0] - '0') * 10 + (value[1] - '0');
                    year += year >= 69 ? 1900 : 2000;
                    value = value[2..];
                    break;
                case GoLayoutElementKind.LongYear:
                    if (value.Length < 4 || !IsDigit(value, 0) || !IsDigit(value, 1) || !IsDigit(value, 2) || !IsDigit(value, 3))
                    {
                        return false;
                    }

                    year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
                    value = value[4..];
                    break;
                case GoLayoutElementKind.Month:
                case GoLayoutElementKind.LongMonth:
                    n = Lookup(e.Kind == GoLayoutElementKind.Month ? s_shortMonths : s_longMonths, ref value);
                    if (n < 0)
                    {
                        return false;
                    }

                    month = n + 1;
                    break;
                case GoLayoutElementKind.NumMonth:
                case GoLayoutElementKind.ZeroMonth:
                    if (!GetNum(ref value, e.Kind == GoLayoutElementKind.ZeroMonth, out month) || month is < 1 or > 12)
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.WeekDay:
                case GoLayoutElementKind.LongWeekDay:
                    // Go checks that a weekday name is there, but not that it fits the date.
                    if (Lookup(e.Kind == GoLayoutElementKind.WeekDay ? s_shortDays : s_longDays, ref value) < 0)
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.Day:
                case GoLayoutElementKind.UnderDay:
                case GoLayoutElementKind.ZeroDay:
                    if (e.Kind == GoLayoutElementKind.UnderDay && value.Length > 0 && value[0] == ' ')
                    {
                        value = value[1..];
                    }

                    if (!GetNum(ref value, e.Kind == GoLayoutElementKind.ZeroDay, out day))
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.UnderYearDay:
                case GoLayoutElementKind.ZeroYearDay:
                    for (var k = 0; k < 2; k++)
                    {
                        if (e.Kind == GoLayoutElementKind.UnderYearDay && value.Length > 0 && value[0] == ' ')
                        {
                            value = value[1..];
                        }
                    }

                    if (!GetNum3(ref value, e.Kind == GoLayoutElementKind.ZeroYearDay, out yday) || yday is < 1 or > 366)
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.Hour:
                    if (!GetNum(ref value, false, out hour) || hour is < 0 or >= 24)
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.Hour12:
                case GoLayoutElementKind.ZeroHour12:
                    if (!GetNum(ref value, e.Kind == GoLayoutElementKind.ZeroHour12, out hour) || hour is < 0 or > 12)
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.Minute:
                case GoLayoutElementKind.ZeroMinute:
                    if (!GetNum(ref value, e.Kind == GoLayoutElementKind.ZeroMinute, out minute) || minute is < 0 or >= 60)
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.Second:
                case GoLayoutElementKind.ZeroSecond:
                    if (!GetNum(ref value, e.Kind == GoLayoutElementKind.ZeroSecond, out second) || second is < 0 or >= 60)
                    {
                        return false;
                    }

                    // Go accepts a fractional second after the seconds even when the layout has none.
                    if (value.Length >= 2 && value[0] is '.' or ',' && IsDigit(value, 1) && !NextIsFraction(i))
                    {
                        n = 2;
                        while (n < value.Length && IsDigit(value, n))
                        {
                            n++;
                        }

                        nsec = ParseNanoseconds(value[..n]);
                        value = value[n..];
                    }

                    break;
                case GoLayoutElementKind.PM:
                case GoLayoutElementKind.LowerPM:
                    if (value.Length < 2)
                    {
                        return false;
                    }

                    var upper = e.Kind == GoLayoutElementKind.PM;
                    if (value.StartsWith(upper ? "PM" : "pm", StringComparison.Ordinal))
                    {
                        pmSet = true;
                    }
                    else if (value.StartsWith(upper ? "AM" : "am", StringComparison.Ordinal))
                    {
                        amSet = true;
                    }
                    else
                    {
                        return false;
                    }

                    value = value[2..];
                    break;
                case GoLayoutElementKind.ISO8601TZ:
                case GoLayoutElementKind.ISO8601SecondsTZ:
                case GoLayoutElementKind.ISO8601ShortTZ:
                case GoLayoutElementKind.ISO8601ColonTZ:
                case GoLayoutElementKind.ISO8601ColonSecondsTZ:
                case GoLayoutElementKind.NumTZ:
                case GoLayoutElementKind.NumSecondsTZ:
                case GoLayoutElementKind.NumShortTZ:
                case GoLayoutElementKind.NumColonTZ:
                case GoLayoutElementKind.NumColonSecondsTZ:
                case GoLayoutElementKind.TZ:
                    if (!GoZoneParser.TryRead(e.Kind, ref value, ref zoneRead))
                    {
                        return false;
                    }

                    break;
                case GoLayoutElementKind.FracSecond0:
                    n = 1 + e.Digits;
                    if (value.Length < n || value[0] is not ('.' or ','))
                    {
                        return false;
                    }

                    for (var k = 1; k < n; k++)
                    {
                        if (!IsDigit(value, k))
                        {
                            return false;
                        }
                    }

                    nsec = ParseNanoseconds(value[..n]);
                    value = value[n..];
                    break;
                case GoLayoutElementKind.FracSecond9:
                    if (value.Length < 2 || value[0] is not ('.' or ',') || !IsDigit(value, 1))
                    {
                        break;
                    }

                    n = 1;
                    while (n < value.Length && IsDigit(value, n))
                    {
                        n++;
                    }

                    nsec = ParseNanoseconds(value[..n]);
                    value = value[n..];
                    break;
            }
        }

        if (value.Length > 0)
        {
            return false;
        }

        if (pmSet && hour < 12)
        {
            hour += 12;
        }
        else if (amSet && hour == 12)
        {
            hour = 0;
        }

        if (yday >= 0)
        {
            if (yday > (CivilTime.IsLeapYear(year) ? 366 : 365))
            {
                return false;
            }

            var (m, d) = MonthDayFromYearDay(year, yday);
            if ((month >= 0 && month != m) || (day >= 0 && day != d))
            {
                return false;
            }

            (month, day) = (m, d);
        }
        else
        {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }

        if (day < 1 || day > CivilTime.DaysInMonth(year, month))
        {
            return false;
        }

        // mtail patches yearless timestamps with the present year (t.AddDate(now.Year(), 0, 0)); Feb 29 rolls over like AddDate.
        if (year == 0 && useCurrentYear)
        {
            year = now.Year;
        }

        var wall = CivilTime.DaysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second;
        offsetSeconds = GoZoneParser.Offset(zoneRead, zone, wall);

        unixSeconds = wall - offsetSeconds;
        nanoseconds = nsec;
        return true;
    }

    private bool NextIsFraction(int index)
    {
        for (var j = index + 1; j < _elements.Length; j++)
        {
            var kind = _elements[j].Kind;
            if (kind != GoLayoutElementKind.Literal)
            {
                return kind is GoLayoutElementKind.FracSecond0 or GoLayoutElementKind.FracSecond9;
            }
        }

        return false;
    }

    /// <summary>Go's skip: the literal must be there, except that a run of spaces matches any run of spaces (or none at the end).</summary>
    private static bool Skip(ref ReadOnlySpan<char> value, string prefix)
    {
        var p = prefix.AsSpan();
        while (p.Length > 0)
        {
            if (p[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ')
                {
                    return false;
                }

                p = p.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }

            if (value.Length == 0 || value[0] != p[0])
            {
                return false;
            }

            p = p[1..];
            value = value[1..];
        }

        return true;
    }

    private static int Lookup(string[] names, ref ReadOnlySpan<char> value)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (value.Length >= name.Length && value[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = value[name.Length..];
                return i;
            }
        }

        return -1;
    }

    internal static bool IsDigit(ReadOnlySpan<char> s, int i) => i < s.Length && char.IsAsciiDigit(s[i]);

    /// <summary>One or two digits (exactly two when <paramref name="fixedWidth"/>), as Go's getnum.</summary>
    private static bool GetNum(ref ReadOnlySpan<char> value, bool fixedWidth, out int result)
    {
        result = 0;
        if (!IsDigit(value, 0))
        {
            return false;
        }

        if (!IsDigit(value, 1))
        {
            if (fixedWidth)
            {
                return false;
            }

            result = value[0] - '0';
            value = value[1..];
            return true;
        }

        result = (value[0] - '0') * 10 + (value[1] - '0');
        value = value[2..];
        return true;
    }

    private static bool GetNum3(ref ReadOnlySpan<char> value, bool fixedWidth, out int result)
    {
        result = 0;
        var n = 0;
        while (n < 3 && IsDigit(value, n))
        {
            result = result * 10 + (value[n] - '0');
            n++;
        }

        if (n == 0 || (fixedWidth && n != 3))
        {
            return false;
        }

        value = value[n..];
        return true;
    }

    /// <summary>".123" -> 123000000; digits beyond nine are ignored.</summary>
    private static int ParseNanoseconds(ReadOnlySpan<char> fraction)
    {
        var digits = fraction[1..];
        var ns = 0;
        var n = Math.Min(digits.Length, 9);
        for (var i = 0; i < n; i++)
        {
            ns = ns * 10 + (digits[i] - '0');
        }

        for (var i = n; i < 9; i++)
        {
            ns *= 10;
        }

        return ns;
    }

    private static (int Month, int Day) MonthDayFromYearDay(long year, int yday)
    {
        var month = 1;
        var remaining = yday;
        while (remaining > CivilTime.DaysInMonth(year, month))
        {
            remaining -= CivilTime.DaysInMonth(year, month);
            month++;
        }

        return (month, remaining);
    }
}
