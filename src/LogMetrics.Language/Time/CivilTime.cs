namespace LogMetrics.Language.Time;

/// <summary>Proleptic Gregorian calendar arithmetic that works for any year, including year 0 and negative years.</summary>
internal static class CivilTime
{
    /// <summary>Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). Days beyond the month's end roll over, as Go's time.Date does.</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        // Normalise the month into 1..12 first, carrying into the year.
        var m0 = month - 1;
        year += Math.DivRem(m0, 12, out var rem) + (rem < 0 ? -1 : 0);
        month = ((m0 % 12) + 12) % 12 + 1;

        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var mp = (month + 9) % 12;
        var doy = (153 * mp + 2) / 5;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468 + (day - 1);
    }

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
