using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests.Codegen;

public sealed class BuiltinTests
{
    [Theory]
    [InlineData("len(\"héllo\")", "6")]
    [InlineData("strtol(\"ff\", 16)", "255")]
    [InlineData("strtol(\"-101\", 2)", "-5")]
    [InlineData("7 / 2", "3")]
    [InlineData("17 % 5", "2")]
    [InlineData("2 ** 3 ** 2", "64")]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("1 << 4 | 1", "17")]
    [InlineData("10 - 2 - 3", "5")]
    [InlineData("~0", "-1")]
    [InlineData("int(\"42\")", "42")]
    [InlineData("int(3.9)", "3")]
    [InlineData("settime(1234) + 0", null)]
    public void IntExpressions(string expression, string? expected)
    {
        if (expected is null)
        {
            return;
        }

        using var harness = new EngineHarness("b.mtail", $"gauge g\ng = {expression}\n");
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("f", ["x"]);
        Assert.Equal(expected, harness.Value("g"));
    }

    [Theory]
    [InlineData("7.0 / 2", "3.5")]
    [InlineData("float(\"2.5\") * 2", "5")]
    [InlineData("1 / 0.0", "∞")]
    [InlineData("parsetime(\"2024-01-02T03:04:05Z\", \"2006-01-02T15:04:05Z07:00\")", "1704164645")]
    [InlineData("parsetime(\"2024-01-02 03:04:05,250\", \"2006-01-02 15:04:05,000\")", "1704164645.25")]
    [InlineData("float(\"1.5\") + float(\"2\")", "3.5")]
    [InlineData("float(\"3\") - 1.25", "1.75")]
    [InlineData("float(\"3\") * 2.5", "7.5")]
    [InlineData("float(\"10\") / 4", "2.5")]
    public void FloatExpressions(string expression, string expected)
    {
        using var harness = new EngineHarness("b.mtail", $"gauge g\ng = {expression}\n");
        harness.Feed("f", ["x"]);
        Assert.Equal(expected == "∞" ? double.PositiveInfinity.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : expected, harness.Value("g"));
    }

    [Theory]
    [InlineData("tolower(\"AbC\")", "abc")]
    [InlineData("subst(\"l\", \"L\", \"hello\")", "heLLo")]
    [InlineData("subst(/l+/, \"L\", \"hello\")", "heLo")]
    [InlineData("subst(/(l)/, \"$1\", \"hello\")", "he$1$1o")]
    [InlineData("string(1000000.0)", "1e+06")]
    [InlineData("string(0.5)", "0.5")]
    [InlineData("string(42)", "42")]
    [InlineData("\"a\" + \"b\"", "ab")]
    [InlineData("getfilename()", "/var/log/f.log")]
    [InlineData("basename(getfilename())", "f.log")]
    [InlineData("basename(\"/var/log/\")", "log")]
    [InlineData("basename(\"\")", ".")]
    [InlineData("basename(\"///\")", "/")]
    [InlineData("basename(\"plain\")", "plain")]
    [InlineData("gsub(\"/user/42/post/7\", /[0-9]+/, \":id\")", "/user/:id/post/:id")]
    [InlineData("gsub(\"/user/42\", \"/([a-z]+)/[0-9]+\", \"/${1}s\")", "/users")]
    [InlineData("gsub(\"a.b\", \".\", \"-\")", "---")]
    [InlineData("gsub(\"2024-01-02\", /(?P<y>\\d+)-(\\d+)-(\\d+)/, \"$3.$2.${y}\")", "02.01.2024")]
    public void StringExpressions(string expression, string expected)
    {
        using var harness = new EngineHarness("b.mtail", $"text t\nt = {expression}\n");
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("/var/log/f.log", ["x"]);
        Assert.Equal(expected, harness.Value("t"));
    }

    [Fact]
    public void TimestampIsReadTimeWithoutStrptimeAndSettimeSetsIt()
    {
        using var harness = new EngineHarness("b.mtail", "gauge before\ngauge later\nbefore = timestamp()\nsettime(1234)\nlater = timestamp()\n");
        harness.Feed("f", ["x"]);
        Assert.Equal((EngineHarness.ReadTimeMs / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), harness.Value("before"));
        Assert.Equal("1234", harness.Value("later"));
        Assert.Equal(1_234_000, harness.Series("later")!.TimestampMs);
        Assert.Equal(EngineHarness.ReadTimeMs, harness.Series("before")!.TimestampMs);
    }

    [Fact]
    public void FloatLabelsUseGoFormat()
    {
        using var harness = new EngineHarness("b.mtail", "counter k by v\n/(\\d+\\.\\d+)/ {\n  k[$1 * 1.0]++\n}\n");
        harness.Feed("f", ["1000000.0"]);
        Assert.Equal("1", harness.Value("k", "1e+06"));
    }

    [Fact]
    public void NegativeShiftIsARuntimeError()
    {
        using var harness = new EngineHarness("b.mtail", "gauge g\n/(\\d+)/ {\n  g = 1 << ($1 - 3)\n}\n");
        harness.Feed("f", ["5", "2"]);
        Assert.Equal("4", harness.Value("g"));
        Assert.Single(harness.Errors);
    }
}
