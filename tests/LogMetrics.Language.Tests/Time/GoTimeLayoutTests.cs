using LogMetrics.Language.Time;

namespace LogMetrics.Language.Tests.Time;

public sealed class GoTimeLayoutTests
{
    private const long Year0 = -62167219200L; // 0000-01-01T00:00:00Z
    private static readonly DateTimeOffset s_now = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, long, int> Valid => new()
    {
        // Apache, nginx and the mtail examples.
        { "02/Jan/2006:15:04:05 -0700", "10/Oct/2000:13:55:36 -0700", 971211336, 0 },
        { "02/Jan/2006:15:04:05 -0700", "10/Oct/2000:20:55:36 +0000", 971211336, 0 },
        { "2006/01/02 15:04:05", "2011/02/22 21:50:30", 1298411430, 0 },
        { "Jan _2 15:04:05 2006", "Feb 21 15:21:32 2011", 1298301692, 0 },
        { "Mon Jan _2 15:04:05 2006", "Mon Feb 21 15:21:32 2011", 1298301692, 0 },
        { "2006-01-02T03:04:05-0700", "2008-08-17T02:08:10+0000", 1218938890, 0 },
        { "060102  3:04:05", "080817  2:08:10", 1218938890, 0 },
        { "060102 15:04:05", "110222 21:50:30", 1298411430, 0 },
        // Syslog: no year, so year 0 (useCurrentYear off); _2 takes a space-padded day.
        { "Jan _2 15:04:05", "Jun 30 12:04:43", Year0 + (181 * 86400L) + 43483, 0 },
        { "Jan _2 15:04:05", "Jan  2 15:04:05", Year0 + 86400 + 54245, 0 },
        { "Jan _2 15:04:05", "Jan 2 15:04:05", Year0 + 86400 + 54245, 0 },
        { "Jan _2 15:04:05", "Dec 31 23:59:59", Year0 + (366 * 86400L) - 1, 0 },
        // RFC 3339 and ISO 8601 zones.
        { "2006-01-02T15:04:05Z07:00", "2015-04-10T08:11:09Z", 1428653469, 0 },
        { "2006-01-02T15:04:05Z07:00", "2015-04-10T08:11:09+02:00", 1428646269, 0 },
        { "2006-01-02T15:04:05Z0700", "2015-04-10T08:11:09+0200", 1428646269, 0 },
        { "2006-01-02T15:04:05Z07", "2015-04-10T08:11:09+02", 1428646269, 0 },
        { "2006-01-02T15:04:05-07:00:00", "2015-04-10T08:11:09+02:00:00", 1428646269, 0 },
        { "2006-01-02T15:04:05-070000", "2015-04-10T08:11:09+020000", 1428646269, 0 },
        { "2006-01-02T15:04:05-07", "2015-04-10T08:11:09+02", 1428646269, 0 },
        // Fractional seconds: .000 is exact, .999 optional, and a fraction after seconds is accepted anyway.
        { "2006-01-02T15:04:05.000Z07:00", "2014-02-15T23:39:43.945Z", 1392507583, 945000000 },
        { "2006-01-02T15:04:05.999999Z07:00", "2014-02-15T23:39:43.945958Z", 1392507583, 945958000 },
        { "2006-01-02T15:04:05.999Z07:00", "2014-02-15T23:39:43Z", 1392507583, 0 },
        { "2006-01-02T15:04:05Z07:00", "2014-02-15T23:39:43.945958Z", 1392507583, 945958000 },
        { "15:04:05", "10:00:00.123", Year0 + 36000, 123000000 },
        { "15:04:05,000", "10:11:12,345", Year0 + 36672, 345000000 },
        { "15:04:05.000", "10:11:12,345", Year0 + 36672, 345000000 },
        { "15:04:05", "10:11:12.1234567891", Year0 + 36672, 123456789 },
        // 12-hour clock.
        { "3:04PM", "3:04PM", Year0 + (15 * 3600) + 240, 0 },
        { "3:04pm", "3:04am", Year0 + (3 * 3600) + 240, 0 },
        { "03:04:05 PM", "12:00:00 AM", Year0, 0 },
        { "03:04:05 PM", "12:30:00 PM", Year0 + (12 * 3600) + 1800, 0 },
        // Names: case-insensitive, long and short.
        { "January 2, 2006", "february 29, 2020", 1582934400, 0 },
        { "Monday, 02-Jan-06 15:04:05", "monday, 02-Jan-06 10:00:00", 1136196000, 0 },
        { "2 Jan 2006", "29 FEB 2020", 1582934400, 0 },
        // Day of year.
        { "2006 002", "2020 060", 1582934400, 0 },
        { "2006 __2", "2020  60", 1582934400, 0 },
        // Zone abbreviations: UTC, unknown ones (offset 0, as Go), GMT+N.
        { "Mon Jan 2 15:04:05 MST 2006", "Mon May 29 02:48:41 UTC 2006", 1148870921, 0 },
        { "Mon Jan 2 15:04:05 MST 2006", "Mon May 29 02:48:41 PST 2006", 1148870921, 0 },
        { "Mon Jan 2 15:04:05 MST 2006", "Mon May 29 02:48:41 CEST 2006", 1148870921, 0 },
        { "2006-01-02 15:04 MST", "2020-01-01 00:00 GMT+3", 1577826000, 0 },
        { "2006-01-02 15:04 MST", "2020-01-01 00:00 GMT", 1577836800, 0 },
        // Literal text and "_2006".
        { "[2006-01-02 15:04:05]", "[2013-03-20 12:44:02]", 1363783442, 0 },
        { "x_2006", "x_2020", 1577836800, 0 },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "2006-01-02", "2006-13-01" },
        { "2006-01-02", "2006-02-30" },
        { "2006-01-02", "2019-02-29" },
        { "2006-01-02", "2006-01-02 extra" },
        { "2006-01-02", "06-01-02" },
        { "Jan _2", "Foo  2" },
        { "15:04:05", "24:00:00" },
        { "15:04:05", "10:60:00" },
        { "15:04:05", "10:00:60" },
        { "3:04PM", "13:04PM" },
        { "3:04PM", "3:04XM" },
        { "02/Jan/2006:15:04:05 -0700", "10/Oct/2000:13:55:36 0700" },
        { "2006-01-02T15:04:05Z07:00", "2015-04-10T08:11:09+0200" },
        { "15:04:05.000", "10:11:12.34" },
        { "Mon Jan 2 15:04:05 MST 2006", "Mon May 29 02:48:41 Pacific 2006" },
        { "2006 002", "2019 366" },
        { "01/02", "1/2" },
        { "2006-01-02", "" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_like_Go(string layout, string value, long expectedSeconds, int expectedNanos)
    {
        var compiled = GoTimeLayout.Compile(layout);
        Assert.True(compiled!.TryParseUnix(value, TimeZoneInfo.Utc, false, s_now, out var seconds, out var nanos), $"'{value}' does not parse with '{layout}'");
        Assert.Equal(expectedSeconds, seconds);
        Assert.Equal(expectedNanos, nanos);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_what_Go_rejects(string layout, string value)
    {
        var compiled = GoTimeLayout.Compile(layout);
        Assert.False(compiled!.TryParseUnix(value, TimeZoneInfo.Utc, false, s_now, out _, out _));
        Assert.False(compiled.TryParse(value, TimeZoneInfo.Utc, false, s_now, out _));
    }

    [Fact]
    public void Yearless_values_take_the_current_year_when_asked()
    {
        var layout = GoTimeLayout.Compile("Jan _2 15:04:05");
        Assert.True(layout!.TryParse("Mar  1 00:00:00", TimeZoneInfo.Utc, true, s_now, out var result));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), result);

        // Feb 29 of year 0 (a leap year) rolls over to Mar 1, as Go's AddDate does.
        Assert.True(layout.TryParseUnix("Feb 29 12:00:00", TimeZoneInfo.Utc, true, s_now, out var seconds, out _));
        Assert.Equal(1740830400, seconds);
    }

    [Fact]
    public void Year_zero_is_representable_only_as_unix_time()
    {
        var layout = GoTimeLayout.Compile("Jan _2 15:04:05");
        Assert.False(layout!.TryParse("Aug 19 02:16:40", TimeZoneInfo.Utc, false, s_now, out _));
        Assert.True(layout.TryParseUnix("Aug 19 02:16:40", TimeZoneInfo.Utc, false, s_now, out var seconds, out _));
        Assert.Equal("0000-08-19T02:16:40Z", FormatUtc(seconds));
    }

    [Fact]
    public void Values_without_a_zone_are_read_in_the_given_zone()
    {
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "TST");
        var layout = GoTimeLayout.Compile("2006-01-02 15:04");
        Assert.True(layout!.TryParse("2020-01-01 00:00", plusTwo, false, s_now, out var result));
        Assert.Equal(1577829600, result.ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.FromHours(2), result.Offset);

        // The zone's own abbreviation means its offset; a numeric offset wins over the zone.
        var named = GoTimeLayout.Compile("2006-01-02 15:04 MST");
        Assert.True(named!.TryParseUnix("2020-01-01 00:00 TST", plusTwo, false, s_now, out var seconds, out _));
        Assert.Equal(1577829600, seconds);
        var numeric = GoTimeLayout.Compile("2006-01-02 15:04 -0700");
        Assert.True(numeric!.TryParseUnix("2020-01-01 00:00 +0000", plusTwo, false, s_now, out seconds, out _));
        Assert.Equal(1577836800, seconds);
    }

    [Fact]
    public void TryParse_keeps_the_parsed_offset()
    {
        var layout = GoTimeLayout.Compile("02/Jan/2006:15:04:05 -0700");
        Assert.True(layout!.TryParse("10/Oct/2000:13:55:36 -0700", TimeZoneInfo.Utc, false, s_now, out var result));
        Assert.Equal(new DateTimeOffset(2000, 10, 10, 13, 55, 36, TimeSpan.FromHours(-7)), result);
        Assert.Equal(TimeSpan.FromHours(-7), result.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("foo")]
    [InlineData("yyyy-MM-dd")]
    public void Layouts_without_any_element_compile_but_say_so(string layout)
    {
        // Go, and so mtail, take any text as a layout; the binder warns (LM2075).
        var compiled = GoTimeLayout.Compile(layout);
        Assert.False(compiled.HasElements);
        Assert.True(compiled.ParsesItself());
    }

    [Theory]
    [InlineData("2006-01-02 15:04:05", true)]
    [InlineData("Jan _2 15:04:05", true)]
    [InlineData("2006-01-02T15:04:05Z07:00", true)]
    [InlineData("%Y/%m/%d %H:%M:%S", true)]
    [InlineData("2017-10-16 06:50:25", false)]
    [InlineData("02/Jan/2006:15:04:05 -0700", true)]
    public void A_layout_must_parse_itself_as_in_mtail(string layout, bool expected)
    {
        Assert.Equal(expected, GoTimeLayout.Compile(layout).ParsesItself());
    }

    [Fact]
    public void Layout_is_kept_as_written()
    {
        var layout = GoTimeLayout.Compile("Jan _2 15:04:05");
        Assert.Equal("Jan _2 15:04:05", layout!.Layout);
    }

    private static string FormatUtc(long unixSeconds)
    {
        // Civil from days (proleptic Gregorian), enough for a readable assertion.
        var days = Math.Floor(unixSeconds / 86400.0);
        var secs = unixSeconds - ((long)days * 86400);
        var z = (long)days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = doy - (((153 * mp) + 2) / 5) + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        y += m <= 2 ? 1 : 0;
        return FormattableString.Invariant($"{y:0000}-{m:00}-{d:00}T{secs / 3600:00}:{secs % 3600 / 60:00}:{secs % 60:00}Z");
    }
}
