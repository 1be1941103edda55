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
