namespace LogMetrics.Metrics.Tests;

public sealed class GoFloatFormatterTests
{
    // Expected values are Go's strconv.FormatFloat(v, 'g', -1, 64).
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
    [InlineData(1000000.5, "1.0000005e+06")]
    [InlineData(-1000000.5, "-1.0000005e+06")]
    [InlineData(123456.75, "123456.75")]
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
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatG_matches_strconv(double value, string expected) =>
        Assert.Equal(expected, GoFloatFormatter.FormatG(value));

    // client_golang's expfmt writeFloat.
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(107d, "107")]
    [InlineData(1000000d, "1e+06")]
    [InlineData(0.03333333333333333, "0.03333333333333333")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void FormatPrometheus_matches_client_golang(double value, string expected) =>
        Assert.Equal(expected, Format(GoFloatFormatter.FormatPrometheus, value));

    // client_golang's writeOpenMetricsFloat.
    [Theory]
    [InlineData(0d, "0.0")]
    [InlineData(1d, "1.0")]
    [InlineData(-1d, "-1.0")]
    [InlineData(107d, "107.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(1000000d, "1e+06")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatOpenMetrics_matches_client_golang(double value, string expected) =>
        Assert.Equal(expected, Format(GoFloatFormatter.FormatOpenMetrics, value));

    // encoding/json.
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(-0d, "-0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1000000d, "1000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-1.25e-10, "-1.25e-10")]
    public void FormatJson_matches_encoding_json(double value, string expected) =>
        Assert.Equal(expected, Format(GoFloatFormatter.FormatJson, value));

    [Fact]
    public void Negative_zero_is_zero_in_the_expositions()
    {
        Assert.Equal("0", Format(GoFloatFormatter.FormatPrometheus, -0d));
        Assert.Equal("0.0", Format(GoFloatFormatter.FormatOpenMetrics, -0d));
    }

    [Fact]
    public void Round_trips_random_values()
    {
        var random = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }

            var text = GoFloatFormatter.FormatG(value);
            Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private delegate int Formatter(double value, Span<char> destination);

    private static string Format(Formatter formatter, double value)
    {
        Span<char> buffer = stackalloc char[GoFloatFormatter.MaxLength];
        return new string(buffer[..formatter(value, buffer)]);
    }
}
