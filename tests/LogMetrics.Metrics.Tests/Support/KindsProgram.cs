namespace LogMetrics.Metrics.Tests.Support;

/// <summary>
/// The store mtail builds for research's `kinds.mtail` (every kind) after the lines
/// `GET 200 100 1.5`, `POST 500 20 9.25`, `GET 200 7 0.1`; its Prometheus output is known from mtail.
/// </summary>
internal static class KindsProgram
{
    private const string Program = "kinds.mtail";

    public static MetricStore Build(MetricStoreOptions? options = null)
    {
        var store = new MetricStore(options);
        var bytes = store.Register(Declare("bytes_total", MetricKind.Counter, MetricValueType.Int, "2:9-19", "method", "code"));
        var dashed = store.Register(Declare("dashed", MetricKind.Counter, MetricValueType.Int, "10:9-14") with { ExportName = "dashed-name" });
        var keyed = store.Register(Declare("keyed", MetricKind.Counter, MetricValueType.Int, "11:9-13", "k"));
        var lastSize = store.Register(Declare("last_size", MetricKind.Gauge, MetricValueType.Int, "3:7-15"));
        var latency = store.Register(Declare("latency_ms", MetricKind.Histogram, MetricValueType.Buckets, "4:11-20") with { Buckets = [0, 1, 2, 4, 8] });
        var latBy = store.Register(Declare("lat_by", MetricKind.Histogram, MetricValueType.Buckets, "5:11-16", "method") with { Buckets = [0, 0.5, 1.5] });
        var reqTime = store.Register(Declare("req_time_ms", MetricKind.Timer, MetricValueType.Int, "6:7-17", "method"));
        var ratio = store.Register(Declare("ratio", MetricKind.Gauge, MetricValueType.Float, "7:7-11"));
        var lastMethod = store.Register(Declare("last_method", MetricKind.Text, MetricValueType.String, "8:6-16"));
        var secret = store.Register(Declare("secret", MetricKind.Counter, MetricValueType.Int, "9:16-21") with { Hidden = true });

        var lines = new (string Method, string Code, long Size, double Latency)[]
        {
            ("GET", "200", 100, 1.5),
            ("POST", "500", 20, 9.25),
            ("GET", "200", 7, 0.1),
        };
        var time = 1_700_000_000_000L;
        var labels = new LabelValuesBuilder();
        foreach (var (method, code, size, latencyMs) in lines)
        {
            time += 1000;
            labels.Clear();
            labels.Add(method);
            labels.Add(code);
            bytes.GetOrAdd(labels)!.AddInt(size, time);
            dashed.Scalar.AddInt(1, time);
            lastSize.Scalar.SetInt(size, time);
            latency.Scalar.Observe(latencyMs, time);
            labels.Clear();
            labels.Add(method);
            reqTime.GetOrAdd(labels)!.SetInt(size, time);
            lastMethod.Scalar.SetText(method, time);
            secret.Scalar.AddInt(1, time);
            ratio.Scalar.SetFloat(1.0 / (30 + size - size), time);
        }

        // lat_by only saw POST's latency; keyed only the last line's float capture.
        labels.Clear();
        labels.Add("POST");
        latBy.GetOrAdd(labels)!.Observe(9.25, time - 1000);
        labels.Clear();
        labels.Add(0.1);
        keyed.GetOrAdd(labels)!.AddInt(1, time);
        return store;
    }

    private static MetricDescriptor Declare(string name, MetricKind kind, MetricValueType type, string position, params string[] labels) => new()
    {
        Name = name,
        ExportName = name,
        Program = Program,
        Kind = kind,
        ValueType = type,
        LabelNames = labels,
        Source = $"{Program}:{position}",
    };
}
