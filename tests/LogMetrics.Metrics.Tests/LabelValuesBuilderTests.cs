namespace LogMetrics.Metrics.Tests;

public sealed class LabelValuesBuilderTests
{
    // Attributes cannot hold U+0000, so the tables write it as U+2400 (␀).
    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "ab", "" })]
    [InlineData(new[] { "a", "" }, new[] { "", "a" })]
    [InlineData(new[] { "a␀", "b" }, new[] { "a", "␀b" })]
    [InlineData(new[] { "a␀\u0001" }, new[] { "a␀" })]
    [InlineData(new[] { "␀" }, new[] { "" })]
    public void Distinct_value_lists_have_distinct_keys(string[] first, string[] second) =>
        Assert.NotEqual(Key(Zeros(first)), Key(Zeros(second)));

    [Theory]
    [InlineData("a|b")]
    [InlineData("||")]
    [InlineData("x␀y|␀|\u0001")]
    [InlineData("ünïcödé|\"quoted\"\n")]
    public void Keys_decode_to_their_values(string joined)
    {
        var values = Zeros(joined.Split('|'));
        Assert.Equal(values, LabelKey.Decode(Key(values)));
    }

    // Ordinal key order is value-list order, which is what lets a family sort its series by key.
    [Theory]
    [InlineData(new[] { "a", "z" }, new[] { "ab", "a" })]
    [InlineData(new[] { "", "z" }, new[] { "␀", "a" })]
    [InlineData(new[] { "a␀" }, new[] { "a\u0001" })]
    [InlineData(new[] { "GET", "200" }, new[] { "GET", "500" })]
    public void Keys_sort_as_value_lists(string[] lower, string[] higher) =>
        Assert.True(string.CompareOrdinal(Key(Zeros(lower)), Key(Zeros(higher))) < 0);

    [Theory]
    [InlineData(200L, "200")]
    [InlineData(-7L, "-7")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    public void Integers_are_decimal(long value, string expected)
    {
        var builder = new LabelValuesBuilder();
        builder.Add(value);
        Assert.Equal(Key(expected), builder.Key.ToString());
    }

    [Theory]
    [InlineData(1000000d, "1e+06")]
    [InlineData(0.1, "0.1")]
    [InlineData(3d, "3")]
    public void Floats_are_formatted_as_go_g(double value, string expected)
    {
        var builder = new LabelValuesBuilder();
        builder.Add(value);
        Assert.Equal(Key(expected), builder.Key.ToString());
    }

    [Fact]
    public void Clear_starts_over_and_long_values_grow_the_buffer()
    {
        var builder = new LabelValuesBuilder();
        builder.Add("x");
        builder.Clear();
        var big = new string('v', 10_000);
        builder.Add(big);
        builder.Add(1);
        Assert.Equal(2, builder.Count);
        Assert.Equal([big, "1"], LabelKey.Decode(builder.Key.ToString()));
    }

    [Fact]
    public void Permute_reorders_values()
    {
        var key = Key("a", "b\0", "c");
        Assert.Equal(["c", "a", "b\0"], LabelKey.Decode(LabelKey.Permute(key, [2, 0, 1])));
        Assert.Equal(["a", "P", "b\0", "c"], LabelKey.Decode(LabelKey.Insert(key, 1, "P")));
        Assert.Equal(["a", "b\0", "c", "P"], LabelKey.Decode(LabelKey.Insert(key, 3, "P")));
    }

    private static string Key(params string[] values)
    {
        var builder = new LabelValuesBuilder();
        foreach (var value in values)
        {
            builder.Add(value);
        }

        Assert.Equal(values.Length, builder.Count);
        return builder.Key.ToString();
    }

    private static string[] Zeros(string[] values) => [.. values.Select(v => v.Replace('␀', '\0'))];
}
