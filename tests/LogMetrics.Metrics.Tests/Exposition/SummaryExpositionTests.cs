using LogMetrics.Metrics.Exposition;
using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests.Exposition;

public sealed class SummaryExpositionTests
{
    [Fact]
    public void Prometheus_text_has_a_sample_per_quantile_then_sum_and_count() => Assert.Equal(
        """
        # HELP http_request_duration_seconds Request latency.
        # TYPE http_request_duration_seconds summary
        http_request_duration_seconds{method="GET",prog="test.rules",quantile="0.5"} 0.5
        http_request_duration_seconds{method="GET",prog="test.rules",quantile="0.9"} 0.9
        http_request_duration_seconds{method="GET",prog="test.rules",quantile="0.99"} 1
        http_request_duration_seconds_sum{method="GET",prog="test.rules"} 5.5
        http_request_duration_seconds_count{method="GET",prog="test.rules"} 10
        http_request_duration_seconds{method="POST",prog="test.rules",quantile="0.5"} NaN
        http_request_duration_seconds{method="POST",prog="test.rules",quantile="0.9"} NaN
        http_request_duration_seconds{method="POST",prog="test.rules",quantile="0.99"} NaN
        http_request_duration_seconds_sum{method="POST",prog="test.rules"} 0
        http_request_duration_seconds_count{method="POST",prog="test.rules"} 0

        """, Prometheus(Store()));

    [Fact]
    public void OpenMetrics_writes_the_same_samples_with_openmetrics_numbers()
    {
        var text = OpenMetrics(Store());
        Assert.Contains("# TYPE http_request_duration_seconds summary\n", text);
        Assert.Contains("http_request_duration_seconds{method=\"GET\",prog=\"test.rules\",quantile=\"0.99\"} 1.0\n", text);
        Assert.Contains("http_request_duration_seconds_count{method=\"GET\",prog=\"test.rules\"} 10\n", text);
        Assert.Equal("", string.Join("\n", OpenMetricsValidator.Validate(text)));
    }

    [Fact]
    public void Json_has_quantiles_sum_and_count()
    {
        var json = Json(Store());
        Assert.Contains("\"Quantiles\":{\"0.5\":0.5,\"0.9\":0.9,\"0.99\":1}", json);
        Assert.Contains("\"Count\":10,\"Sum\":5.5", json);
    }

    [Fact]
    public void Promtool_accepts_the_summary()
    {
        var (exitCode, output) = Promtool.CheckMetrics(Prometheus(Store(), new ExpositionOptions { EmitProgLabel = false }));
        Assert.Equal("", output);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void A_quantile_label_of_its_own_keeps_the_summary_out_of_the_exposition()
    {
        var store = new MetricStore();
        store.Register(Summary("odd", [0.5], [0.05], TimeSpan.FromMinutes(1), "quantile")).Get("x").Observe(1, 0);
        Assert.DoesNotContain("odd", Prometheus(store));
    }

    private static MetricStore Store()
    {
        var store = new MetricStore();
        var family = store.Register(Summary("http_request_duration_seconds", [0.5, 0.9, 0.99], [0.05, 0.01, 0.001], TimeSpan.FromMinutes(10), "method")
            with { Help = "Request latency." });
        for (var i = 1; i <= 10; i++)
        {
            family.Get("GET").Observe(i / 10.0, 0);
        }

        family.Get("POST");
        return store;
    }
}
