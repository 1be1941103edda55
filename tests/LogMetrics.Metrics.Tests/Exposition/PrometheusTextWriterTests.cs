using LogMetrics.Metrics.Exposition;
using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests.Exposition;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Every_kind() => Golden.Verify("prometheus-kinds", Prometheus(KindsProgram.Build()));

    [Fact]
    public void Every_kind_with_timestamps_and_without_prog() =>
        Golden.Verify("prometheus-kinds-timestamps-noprog", Prometheus(KindsProgram.Build(), new ExpositionOptions { EmitProgLabel = false, EmitTimestamps = true }));

    [Fact]
    public void Matches_the_lines_mtail_prints_for_the_same_program()
    {
        var lines = Prometheus(KindsProgram.Build()).Split('\n');
        string[] fromMtail =
        [
            "# HELP bytes_total defined at kinds.mtail:2:9-19",
            "# TYPE bytes_total counter",
            "bytes_total{code=\"200\",method=\"GET\",prog=\"kinds.mtail\"} 107",
            "bytes_total{code=\"500\",method=\"POST\",prog=\"kinds.mtail\"} 20",
            "# HELP dashed_name defined at kinds.mtail:10:9-14",
            "dashed_name{prog=\"kinds.mtail\"} 3",
            "keyed{k=\"0.1\",prog=\"kinds.mtail\"} 1",
            "# TYPE last_size gauge",
            "last_size{prog=\"kinds.mtail\"} 7",
            "# TYPE latency_ms histogram",
            "latency_ms_bucket{prog=\"kinds.mtail\",le=\"1\"} 1",
            "latency_ms_bucket{prog=\"kinds.mtail\",le=\"2\"} 2",
            "latency_ms_bucket{prog=\"kinds.mtail\",le=\"4\"} 2",
            "latency_ms_bucket{prog=\"kinds.mtail\",le=\"8\"} 2",
            "latency_ms_bucket{prog=\"kinds.mtail\",le=\"+Inf\"} 3",
            "latency_ms_sum{prog=\"kinds.mtail\"} 10.85",
            "latency_ms_count{prog=\"kinds.mtail\"} 3",
            "lat_by_bucket{method=\"POST\",prog=\"kinds.mtail\",le=\"0.5\"} 0",
            "lat_by_bucket{method=\"POST\",prog=\"kinds.mtail\",le=\"1.5\"} 0",
            "lat_by_bucket{method=\"POST\",prog=\"kinds.mtail\",le=\"+Inf\"} 1",
            "# TYPE req_time_ms gauge",
            "req_time_ms{method=\"GET\",prog=\"kinds.mtail\"} 7",
            "ratio{prog=\"kinds.mtail\"} 0.03333333333333333",
        ];
        Assert.All(fromMtail, line => Assert.Contains(line, lines));
        Assert.DoesNotContain(lines, l => l.Contains("last_method") || l.Contains("secret"));
    }

    [Fact]
    public void Large_values_are_written_as_go_floats()
    {
        var store = new MetricStore();
        store.Register(Counter("bytes_total")).Scalar.SetInt(189924412, 0);
        store.Register(FloatGauge("started_seconds")).Scalar.SetFloat(1795311363, 0);
        store.Register(FloatGauge("inf")).Scalar.SetFloat(double.NegativeInfinity, 0);
        store.Register(FloatGauge("nan")).Scalar.SetFloat(double.NaN, 0);
        Golden.Verify("prometheus-numbers", Prometheus(store));
    }

    [Fact]
    public void Label_values_and_help_are_escaped()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("escapes_total", "k") with { Help = "back\\slash \"quoted\"\nsecond line" });
        foreach (var value in new[] { "a\"b", "back\\slash", "new\nline", "ünïcødé ✓", "nul\0char", "" })
        {
            family.Get(value).AddInt(1, 0);
        }

        Golden.Verify("prometheus-escaping", Prometheus(store));
    }

    [Fact]
    public void Two_programs_with_one_name_are_one_family()
    {
        var store = new MetricStore();
        store.Register(Counter("shared_total", "code") with { Program = "b.rules", Source = "b.rules:1:9-20" }).Get("200").AddInt(2, 0);
        store.Register(Counter("shared_total", "code") with { Program = "a.rules", Source = "a.rules:3:9-20" }).Get("200").AddInt(1, 0);
        store.Register(Counter("shared_total", "code") with { Program = "a.rules", Source = "a.rules:3:9-20" }).Get("500").AddInt(5, 0);
        // A different kind under the same name from a later program is left out rather than breaking the scrape.
        store.Register(Gauge("shared_total", "code") with { Program = "c.rules" }).Get("200").SetInt(9, 0);
        // So is a family with other labels.
        store.Register(Counter("shared_total", "method") with { Program = "d.rules" }).Get("GET").AddInt(9, 0);

        Golden.Verify("prometheus-two-programs", Prometheus(store));
    }

    [Fact]
    public void Two_programs_without_the_prog_label_never_duplicate_a_series()
    {
        var store = new MetricStore();
        store.Register(Counter("shared_total", "code") with { Program = "a.rules" }).Get("200").AddInt(1, 0);
        store.Register(Counter("shared_total", "code") with { Program = "b.rules" }).Get("200").AddInt(2, 0);
        store.Register(Counter("shared_total", "code") with { Program = "b.rules" }).Get("404").AddInt(3, 0);
        var text = Prometheus(store, new ExpositionOptions { EmitProgLabel = false });
        Assert.Equal(
            "# HELP shared_total defined at test.rules:1:9-20\n# TYPE shared_total counter\nshared_total{code=\"200\"} 1\nshared_total{code=\"404\"} 3\n",
            text);
    }

    [Fact]
    public void Series_are_sorted_by_label_values_in_label_name_order()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("requests_total", "zone", "method", "code"));
        family.Get("eu", "POST", "500").AddInt(1, 0);
        family.Get("us", "GET", "200").AddInt(1, 0);
        family.Get("eu", "GET", "200").AddInt(1, 0);
        family.Get("ap", "GET", "404").AddInt(1, 0);
        _ = Prometheus(store);
        family.Get("ap", "GET", "200").AddInt(1, 0);
        family.Remove(Labels("us", "GET", "200"));

        Golden.Verify("prometheus-sorted", Prometheus(store));
    }

    [Fact]
    public void Invalid_names_and_labels_are_left_out()
    {
        var store = new MetricStore();
        store.Register(Counter("ok_total"));
        store.Register(Counter("dotted") with { ExportName = "foo.bar" });
        store.Register(Counter("digit") with { ExportName = "1st" });
        store.Register(Counter("badlabel", "bad-label"));
        store.Register(Counter("reserved", "__name"));
        store.Register(Counter("progclash", "prog"));
        store.Register(Histogram("leclash", [1, 2], "le"));
        store.Register(Counter("self_total", "prog") with { Program = null }).Get("allowed").AddInt(1, 0);

        Golden.Verify("prometheus-invalid-names", Prometheus(store));
    }

    [Fact]
    public void Sample_names_claimed_by_another_family_are_left_out()
    {
        var store = new MetricStore();
        store.Register(Histogram("latency", [1, 2]));
        store.Register(Counter("latency_count"));
        var text = Prometheus(store);
        Assert.DoesNotContain("TYPE latency_count", text);
        Assert.Contains("TYPE latency histogram", text);
    }

    [Fact]
    public void Long_label_values_are_encoded_across_buffer_chunks()
    {
        var store = new MetricStore();
        var value = string.Concat(Enumerable.Repeat("ab✓😀", 40_000)) + "\"\n";
        store.Register(Counter("long_total", "v")).Get(value).AddInt(1, 0);
        var text = Prometheus(store);
        var escaped = value.Replace("\"", "\\\"").Replace("\n", "\\n");
        Assert.Contains("long_total{prog=\"test.rules\",v=\"" + escaped + "\"} 1\n", text);
        Assert.DoesNotContain('\uFFFD', text);
    }

    // Measured with mtail 3.0.0~rc50: `histogram h buckets 1, 2, 4` (B = [0, 1, 2, 4] after the prepended 0) and
    // `histogram n buckets -10, -1, 0, 5`, both observing the same values. b0 is only a lower edge: no le="b0" bucket,
    // and values at or below it count in _sum and _count but in no bucket.
    [Theory]
    [InlineData("h", new[] { 0d, 1, 2, 4 }, """
        h_bucket{prog="h.mtail",le="1"} 2
        h_bucket{prog="h.mtail",le="2"} 3
        h_bucket{prog="h.mtail",le="4"} 3
        h_bucket{prog="h.mtail",le="+Inf"} 4
        h_sum{prog="h.mtail"} -15
        h_count{prog="h.mtail"} 7
        """)]
    [InlineData("n", new[] { -10d, -1, 0, 5 }, """
        n_bucket{prog="h.mtail",le="-1"} 1
        n_bucket{prog="h.mtail",le="0"} 2
        n_bucket{prog="h.mtail",le="5"} 6
        n_bucket{prog="h.mtail",le="+Inf"} 6
        n_sum{prog="h.mtail"} -15
        n_count{prog="h.mtail"} 7
        """)]
    public void Histograms_are_exported_as_mtail_exports_them(string name, double[] bounds, string expected)
    {
        var store = new MetricStore();
        var family = store.Register(Histogram(name, bounds) with { Program = "h.mtail" });
        foreach (var value in new[] { 0, 1, 1.5, -3, 5, 0.5, -20 })
        {
            family.Scalar.Observe(value, 0);
        }

        var samples = Prometheus(store).Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#'));
        Assert.Equal(expected.ReplaceLineEndings("\n"), string.Join("\n", samples));
    }

    [Fact]
    public void An_empty_store_writes_nothing() => Assert.Equal("", Prometheus(new MetricStore()));
}
