using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests;

public sealed class SeriesTableTests
{
    [Fact]
    public void Adds_finds_and_removes_as_a_dictionary_does()
    {
        var descriptor = Counter("c", "k");
        var table = new SeriesTable();
        var model = new Dictionary<string, Series>(StringComparer.Ordinal);
        var random = new Random(7);
        for (var step = 0; step < 50_000; step++)
        {
            var key = "v" + random.Next(2_000) + "\0\0";
            var hash = SeriesTable.HashOf(key);
            if (random.Next(3) == 0)
            {
                Assert.Equal(model.Remove(key, out var expected), table.Remove(key, hash, out var removed));
                Assert.Same(expected, removed);
            }
            else if (table.Find(key, hash) is { } found)
            {
                Assert.Same(model[key], found);
            }
            else
            {
                Assert.False(model.ContainsKey(key));
                var series = new Series(null, descriptor, key, hash, 0, []);
                table.Add(series);
                model[key] = series;
            }

            Assert.Equal(model.Count, table.Count);
        }

        Assert.Equal(model.Values.OrderBy(s => s.Key, StringComparer.Ordinal), table.All().OrderBy(s => s.Key, StringComparer.Ordinal));
        var copy = table.Copy();
        foreach (var series in model.Values)
        {
            Assert.True(copy.Remove(series));
        }

        Assert.Equal(0, copy.Count);
        Assert.Equal(model.Count, table.Count);
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "a", "c" })]
    [InlineData(new[] { "ab", "x" }, new[] { "a", "y" })]
    [InlineData(new[] { "a\0", "x" }, new[] { "a", "x" })]
    [InlineData(new[] { "a\0b", "x" }, new[] { "a\u0001", "x" })]
    [InlineData(new[] { "", "z" }, new[] { "\0", "a" })]
    [InlineData(new[] { "same", "same" }, new[] { "same", "same" })]
    public void Keys_compare_in_sorted_label_order_as_their_permutations_do(string[] a, string[] b)
    {
        int[] order = [1, 0];
        var keyA = Labels(a).Key.ToString();
        var keyB = Labels(b).Key.ToString();
        var expected = Math.Sign(string.CompareOrdinal(LabelKey.Permute(keyA, order), LabelKey.Permute(keyB, order)));
        Assert.Equal(expected, Math.Sign(LabelKey.Compare(keyA, keyB, order)));
        Assert.Equal(-expected, Math.Sign(LabelKey.Compare(keyB, keyA, order)));
    }
}
