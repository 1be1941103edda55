using LogMetrics.Metrics.Exposition;
using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests.Exposition;

public sealed class PromtoolTests
{
    [Fact]
    public void Well_named_metrics_pass_promtool_without_lint_output()
    {
        var (exitCode, output) = Promtool.CheckMetrics(Prometheus(WellNamed()));
        Assert.Equal("", output);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void Well_named_metrics_with_timestamps_and_escapes_pass_promtool()
    {
        var store = WellNamed();
        var family = store.Register(Counter("odd_values_total", "value") with { Help = "Label values that need escaping." });
        foreach (var value in new[] { "quote\"", "back\\slash", "new\nline", "ünïcødé" })
        {
            family.Get(value).AddInt(1, 1_700_000_000_000);
        }

        var (exitCode, output) = Promtool.CheckMetrics(Prometheus(store, new ExpositionOptions { EmitTimestamps = true }));
        Assert.Equal("", output);
        Assert.Equal(0, exitCode);
    }

    // mtail's names (e.g. `_ms`, counters without `_total`) draw lint warnings (exit 3), but must always parse.
    [Fact]
    public void Every_kind_parses_in_promtool()
    {
        var (exitCode, output) = Promtool.CheckMetrics(Prometheus(KindsProgram.Build()));
        Assert.DoesNotContain("error", output);
        Assert.Contains(exitCode, new[] { 0, 3 });
    }

    // promtool reads the 0.0.4 format only, where OpenMetrics' "counter family x, sample x_total" is "no help text"
    // and seconds with a fraction are no timestamp; without timestamps it must still parse. The OpenMetrics rules
    // themselves are checked by the validator.
    [Fact]
    public void OpenMetrics_parses_in_promtool_and_follows_the_openmetrics_rules()
    {
        foreach (var store in new[] { WellNamed(), KindsProgram.Build() })
        {
            var text = OpenMetrics(store);
            var (exitCode, output) = Promtool.CheckMetrics(text);
            Assert.DoesNotContain("error", output);
            Assert.Contains(exitCode, new[] { 0, 3 });
            Assert.Empty(OpenMetricsValidator.Validate(text));
            Assert.Empty(OpenMetricsValidator.Validate(OpenMetrics(store, new ExpositionOptions { EmitTimestamps = true })));
        }
    }

    [Fact]
    public void The_validator_catches_broken_openmetrics()
    {
        const string broken = "# TYPE x counter\nx 1\nx_total 1\nx_total 1\n# TYPE h histogram\nh_bucket{le=\"1.0\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 3\n";
        Assert.Equal(5, OpenMetricsValidator.Validate(broken).Count);
    }

    private static MetricStore WellNamed()
    {
        var store = new MetricStore();
        var requests = store.Register(Counter("http_requests_total", "method", "code") with { Help = "HTTP requests by method and status." });
        requests.Get("GET", "200").AddInt(1027, 1_700_000_000_000);
        requests.Get("POST", "500").AddInt(3, 1_700_000_000_000);
        var duration = store.Register(Histogram("http_request_duration_seconds", [0, 0.005, 0.05, 0.5, 5], "method") with { Help = "Request latency." });
        foreach (var seconds in new[] { 0.001, 0.02, 0.3, 7.5 })
        {
            duration.Get("GET").Observe(seconds, 1_700_000_000_000);
        }

        store.Register(Histogram("http_response_size_bytes", [0, 100, 1000]) with { Help = "Response sizes." }).Scalar.Observe(512, 0);
        store.Register(FloatGauge("process_start_time_seconds") with { Help = "Start time." }).Scalar.SetFloat(1795311363.25, 0);
        store.Register(Gauge("in_flight_requests") with { Help = "Requests being served." }).Scalar.SetInt(4, 0);
        store.Register(Describe("request_time", MetricKind.Timer, MetricValueType.Float) with { Help = "A timer." }).Scalar.SetFloat(0.25, 0);
        store.Register(Describe("last_path", MetricKind.Text, MetricValueType.String)).Scalar.SetText("/", 0);
        return store;
    }
}
