namespace LogMetrics.Metrics.Tests;

public sealed class TargetedQuantileStreamTests
{
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];
    private static readonly double[] Errors = [0.05, 0.01, 0.001];

    public static TheoryData<string, int> Data => new()
    {
        { "uniform", 100 },
        { "uniform", 499 },
        { "uniform", 10_000 },
        { "uniform", 200_000 },
        { "ascending", 50_000 },
        { "descending", 50_000 },
        { "exponential", 100_000 },
        { "few distinct", 30_000 },
    };

    // The declared bound: the estimate for q is a value whose rank lies within [(q - e)n, (q + e)n]. With repeated
    // values a value covers a range of ranks, so the check is that its range meets the allowed one.
    [Theory]
    [MemberData(nameof(Data))]
    public void Estimates_lie_within_the_declared_rank_error_of_the_exact_quantiles(string shape, int n)
    {
        var values = Generate(shape, n);
        var stream = new TargetedQuantileStream(Quantiles, Errors);
        foreach (var value in values)
        {
            stream.Insert(value);
        }

        var sorted = values.OrderBy(v => v).ToArray();
        for (var i = 0; i < Quantiles.Length; i++)
        {
            var estimate = stream.Query(Quantiles[i]);
            var firstRank = Array.BinarySearch(sorted, estimate);
            Assert.True(firstRank >= 0, $"{estimate} is not an observed value");
            var low = LowerBound(sorted, estimate) + 1;
            var high = UpperBound(sorted, estimate);
            var allowedLow = (Quantiles[i] - Errors[i]) * n;
            var allowedHigh = (Quantiles[i] + Errors[i]) * n;
            Assert.True(high >= Math.Floor(allowedLow) && low <= Math.Ceiling(allowedHigh),
                $"q={Quantiles[i]}: estimate {estimate} has ranks {low}..{high}, allowed {allowedLow}..{allowedHigh}");
        }

        Assert.Equal(n, stream.Count);
    }

    [Fact]
    public void Small_streams_are_exact()
    {
        var stream = new TargetedQuantileStream(Quantiles, Errors);
        foreach (var value in new double[] { 5, 1, 4, 2, 3, 10, 9, 8, 7, 6 })
        {
            stream.Insert(value);
        }

        // The value of rank ceil(q·n), as client_golang answers before its first flush.
        Assert.Equal(5, stream.Query(0.5));
        Assert.Equal(9, stream.Query(0.9));
        Assert.Equal(10, stream.Query(0.99));
    }

    [Fact]
    public void An_empty_or_reset_stream_answers_NaN()
    {
        var stream = new TargetedQuantileStream(Quantiles, Errors);
        Assert.True(double.IsNaN(stream.Query(0.5)));
        for (var i = 0; i < 1000; i++)
        {
            stream.Insert(i);
        }

        stream.Reset();
        Assert.True(double.IsNaN(stream.Query(0.5)));
        Assert.Equal(0, stream.Count);
    }

    [Fact]
    public void Memory_stays_far_below_the_number_of_values()
    {
        var stream = new TargetedQuantileStream(Quantiles, Errors);
        var random = new Random(7);
        for (var i = 0; i < 1_000_000; i++)
        {
            stream.Insert(random.NextDouble());
        }

        Assert.InRange(stream.SampleCount, 1, 20_000);
    }

    private static double[] Generate(string shape, int n)
    {
        var random = new Random(n);
        return shape switch
        {
            "uniform" => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1000).ToArray(),
            "ascending" => Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
            "descending" => Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
            "exponential" => Enumerable.Range(0, n).Select(_ => -Math.Log(1 - random.NextDouble()) * 0.2).ToArray(),
            _ => Enumerable.Range(0, n).Select(_ => (double)random.Next(5)).ToArray(),
        };
    }

    // Index of the first element >= value, minus one (so +1 gives the 1-based first rank of value).
    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // The 1-based last rank of value.
    private static int UpperBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
