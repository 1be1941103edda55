namespace LogMetrics.Runtime.Tests;

/// <summary>
/// string(float) formats as Go's strconv.FormatFloat(f, 'g', -1, 64) through the Metrics formatter that the label values use.
/// The table covers the string(float) cases mtail's golden output depends on.
/// </summary>
public sealed class GoFormatTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(-0d, "-0")]
    [InlineData(1d, "1")]
    [InlineData(-1d, "-1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(10.85, "10.85")]
    [InlineData(100d, "100")]
    [InlineData(100000d, "100000")]
    [InlineData(123456.7, "123456.7")]
    [InlineData(999999.9, "999999.9")]
    [InlineData(1000000d, "1e+06")]
    [InlineData(1234567d, "1.234567e+06")]
    [InlineData(189924412d, "1.89924412e+08")]
    [InlineData(1795311363d, "1.795311363e+09")]
    [InlineData(9007199254740992d, "9.007199254740992e+15")]
    [InlineData(1.2345678901234568e20, "1.2345678901234568e+20")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e100, "1e+100")]
    [InlineData(-2.5e-300, "-2.5e-300")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012345, "0.00012345")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.000012345, "1.2345e-05")]
    [InlineData(1d / 30, "0.03333333333333333")]
    [InlineData(1000000.5, "1.0000005e+06")]
    [InlineData(-1000000.5, "-1.0000005e+06")]
    [InlineData(123456.75, "123456.75")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatFloat_matches_strconv(double value, string expected) =>
        Assert.Equal(expected, LogMetrics.Metrics.GoFloatFormatter.FormatG(value));
}
