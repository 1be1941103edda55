using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests;

public sealed class SummaryStateTests
{
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];
    private static readonly double[] Errors = [0.05, 0.01, 0.001];

    [Fact]
    public void Quantiles_cover_a_sliding_window_while_sum_and_count_are_cumulative()
    {
        var now = 0L;
        var summary = new SummaryState(Quantiles, Errors, TimeSpan.FromMinutes(10), () => now);
        for (var i = 1; i <= 100; i++)
        {
            summary.Observe(1000 + i);
        }

        Assert.Equal(1050, summary.Read().Values[0]);

        // After one age bucket (2m) the oldest stream is cleared, but the head still holds everything.
        now = TimeSpan.FromMinutes(2).Ticks / TimeSpan.TicksPerMillisecond;
        for (var i = 1; i <= 100; i++)
        {
            summary.Observe(i);
        }

        var (values, sum, count) = summary.Read();
        Assert.Equal(100, values[0]);
        Assert.Equal(1080, values[1]);
        Assert.Equal(200, count);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => 1000.0 + i + i), sum);

        // After max_age (10m) the first values have left the window; the later ones stay until 12m.
        now = TimeSpan.FromMinutes(10).Ticks / TimeSpan.TicksPerMillisecond;
        Assert.Equal(50, summary.Read().Values[0]);
        now = TimeSpan.FromMinutes(12).Ticks / TimeSpan.TicksPerMillisecond;
        (values, sum, count) = summary.Read();
        Assert.All(values, v => Assert.True(double.IsNaN(v)));
        Assert.Equal(200, count);
    }

    [Fact]
    public void A_long_idle_time_clears_the_window_at_once()
    {
        var now = 0L;
        var summary = new SummaryState(Quantiles, Errors, TimeSpan.FromSeconds(10), () => now);
        summary.Observe(3);
        now = TimeSpan.FromDays(365).Ticks / TimeSpan.TicksPerMillisecond;
        Assert.True(double.IsNaN(summary.Read().Values[1]));
        summary.Observe(4);
        Assert.Equal(4, summary.Read().Values[1]);
        now += 9_000;
        Assert.Equal(4, summary.Read().Values[1]);
        now += 2_000;
        Assert.True(double.IsNaN(summary.Read().Values[1]));
    }

    [Fact]
    public void The_store_clock_moves_the_windows_of_registered_summaries()
    {
        var now = 0L;
        var store = new MetricStore(new MetricStoreOptions { ClockMs = () => now });
        var family = store.Register(Summary("latency_seconds", Quantiles, Errors, TimeSpan.FromMinutes(1), "path"));
        family.Get("/a").Observe(0.5, 0);
        Assert.Equal(0.5, family.Get("/a").ReadSummary().QuantileValues[0]);
        now = 60_000;
        var snapshot = family.Get("/a").ReadSummary();
        Assert.True(double.IsNaN(snapshot.QuantileValues[0]));
        Assert.Equal(1, snapshot.Count);
        Assert.Equal(0.5, snapshot.Sum);
    }
}
