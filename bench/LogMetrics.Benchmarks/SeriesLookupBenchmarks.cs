using BenchmarkDotNet.Attributes;
using LogMetrics.Metrics;

namespace LogMetrics.Benchmarks;

/// <summary>Finding an existing series by its label values: the hot path of every `x[a][b][c]++`; it must not allocate.</summary>
[MemoryDiagnoser]
public class SeriesLookupBenchmarks
{
    private readonly LabelValuesBuilder _labels = new();
    private MetricFamily _family = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new MetricStore();
        _family = store.Register(new MetricDescriptor
        {
            Name = "apache_http_requests_total",
            ExportName = "apache_http_requests_total",
            Program = "apache_combined.mtail",
            Kind = MetricKind.Counter,
            ValueType = MetricValueType.Int,
            LabelNames = ["request_method", "http_version", "request_status"],
        });

        // A realistic family: a few dozen label sets, the looked-up one among them.
        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "HEAD" })
        {
            foreach (var status in new long[] { 200, 301, 304, 404, 500 })
            {
                Fill(method, status);
                _family.GetOrAdd(_labels)!.AddInt(1, 0);
            }
        }
    }

    [Benchmark]
    public void GetOrAddExistingThreeLabelsAndAddInt()
    {
        Fill("GET", 200);
        _family.GetOrAdd(_labels)!.AddInt(1, 0);
    }

    private void Fill(string method, long status)
    {
        _labels.Clear();
        _labels.Add(method.AsSpan());
        _labels.Add("HTTP/1.1".AsSpan());
        _labels.Add(status);
    }
}
