using LogMetrics.Metrics.Exposition;
using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests.Exposition;

public sealed class OpenMetricsWriterTests
{
    [Fact]
    public void Every_kind() => Golden.Verify("openmetrics-kinds", OpenMetrics(KindsProgram.Build()));

    [Fact]
    public void Every_kind_with_timestamps() =>
        Golden.Verify("openmetrics-kinds-timestamps", OpenMetrics(KindsProgram.Build(), new ExpositionOptions { EmitTimestamps = true }));

    [Fact]
    public void Counters_are_named_without_total_and_sampled_with_it()
    {
        var store = new MetricStore();
        store.Register(Counter("requests_total")).Scalar.AddInt(2, 0);
        store.Register(Counter("errors")).Scalar.AddInt(1, 0);
        var text = OpenMetrics(store);
        Assert.Equal(
            "# HELP errors defined at test.rules:1:9-14\n# TYPE errors counter\nerrors_total{prog=\"test.rules\"} 1.0\n"
            + "# HELP requests defined at test.rules:1:9-22\n# TYPE requests counter\nrequests_total{prog=\"test.rules\"} 2.0\n# EOF\n",
            text);
    }

    // The same numbers as the Prometheus text (mtail's), though OpenMetrics wants +Inf to equal _count: see WriteHistogram.
    [Fact]
    public void Histograms_keep_values_below_the_first_bound_out_of_the_buckets()
    {
        var store = new MetricStore();
        var family = store.Register(Histogram("h", [0, 1, 2, 4]));
        foreach (var value in new[] { 0, 1, 1.5, -3, 5, 0.5, -20 })
        {
            family.Scalar.Observe(value, 0);
        }

        var text = OpenMetrics(store);
        Assert.Contains("h_bucket{prog=\"test.rules\",le=\"1.0\"} 2\n", text);
        Assert.DoesNotContain("le=\"0.0\"", text);
        Assert.Contains("h_bucket{prog=\"test.rules\",le=\"+Inf\"} 4\nh_sum{prog=\"test.rules\"} -15.0\nh_count{prog=\"test.rules\"} 7\n", text);
    }

    [Fact]
    public void Help_escapes_quotes_too()
    {
        var store = new MetricStore();
        store.Register(Gauge("g") with { Help = "say \"hi\"\\\n" }).Scalar.SetInt(1, 0);
        Assert.StartsWith("# HELP g say \\\"hi\\\"\\\\\\n\n", OpenMetrics(store));
    }

    [Fact]
    public void An_empty_store_writes_only_eof() => Assert.Equal("# EOF\n", OpenMetrics(new MetricStore()));
}
