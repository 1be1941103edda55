using System.Text.Json;
using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests.Exposition;

public sealed class JsonWriterTests
{
    [Fact]
    public void Every_kind() => Golden.Verify("json-kinds", Indent(Json(KindsProgram.Build())));

    [Fact]
    public void Has_mtails_shape()
    {
        using var document = JsonDocument.Parse(Json(KindsProgram.Build()));
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("secret", out _));
        Assert.True(root.TryGetProperty("dashed-name", out _));

        var text = root.GetProperty("last_method")[0];
        Assert.Equal(4, text.GetProperty("Kind").GetInt32());
        Assert.Equal(2, text.GetProperty("Type").GetInt32());
        Assert.Equal("GET", text.GetProperty("LabelValues")[0].GetProperty("Value").GetProperty("Value").GetString());

        var bytes = root.GetProperty("bytes_total")[0];
        Assert.Equal(["method", "code"], bytes.GetProperty("Keys").EnumerateArray().Select(k => k.GetString()));
        var get = bytes.GetProperty("LabelValues")[0];
        Assert.Equal(["GET", "200"], get.GetProperty("Labels").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(107, get.GetProperty("Value").GetProperty("Value").GetInt64());
        Assert.Equal(1_700_000_003_000_000_000, get.GetProperty("Value").GetProperty("Time").GetInt64());

        var histogram = root.GetProperty("latency_ms")[0];
        Assert.Equal(5, histogram.GetProperty("Kind").GetInt32());
        Assert.Equal(3, histogram.GetProperty("Type").GetInt32());
        var buckets = histogram.GetProperty("LabelValues")[0].GetProperty("Value").GetProperty("Buckets");
        Assert.Equal(["+Inf", "1", "2", "4", "8"], buckets.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, buckets.GetProperty("2").GetInt64());
    }

    // mtail 3.0.0~rc50's /json for `histogram h buckets 1, 2, 4` observing 0, 1, 1.5, -3, 5, 0.5, -20: per-bucket
    // counts keyed by upper bound (b0 = 0 is no key), and the ranges with both ends as strings.
    [Fact]
    public void Histograms_have_mtails_buckets()
    {
        var store = new MetricStore();
        var family = store.Register(Histogram("h", [0, 1, 2, 4]));
        foreach (var observed in new[] { 0, 1, 1.5, -3, 5, 0.5, -20 })
        {
            family.Scalar.Observe(observed, 0);
        }

        using var document = JsonDocument.Parse(Json(store));
        var h = document.RootElement.GetProperty("h")[0];
        var value = h.GetProperty("LabelValues")[0].GetProperty("Value");
        Assert.Equal(
            [("+Inf", 1L), ("1", 2L), ("2", 1L), ("4", 0L)],
            value.GetProperty("Buckets").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())));
        Assert.Equal(7, value.GetProperty("Count").GetInt64());
        Assert.Equal(-15, value.GetProperty("Sum").GetDouble());
        Assert.Equal(
            [("0", "1"), ("1", "2"), ("2", "4"), ("4", "+Inf")],
            h.GetProperty("Buckets").EnumerateArray().Select(r => (r.GetProperty("Min").GetString(), r.GetProperty("Max").GetString())));
    }

    [Fact]
    public void Expiry_limit_and_odd_values_are_written()
    {
        var store = new MetricStore();
        var family = store.Register(FloatGauge("g", "k") with { Limit = 10, Program = null, Source = "" });
        var series = family.Get("bad\ud800surrogate");
        series.SetFloat(double.NaN, 1);
        series.ExpireAfter(TimeSpan.FromMinutes(1));
        family.Get("tiny").SetFloat(1e-7, 2);
        Golden.Verify("json-odd", Indent(Json(store)));
    }

    [Fact]
    public void An_empty_store_is_an_empty_object() => Assert.Equal("{}", Json(new MetricStore()));

    private static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }
}
