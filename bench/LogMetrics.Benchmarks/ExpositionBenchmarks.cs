using BenchmarkDotNet.Attributes;
using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;

namespace LogMetrics.Benchmarks;

/// <summary>Writing a scrape: Prometheus text for 100k series (one family, client x path labels).</summary>
[MemoryDiagnoser]
public class ExpositionBenchmarks
{
    private const int Series = 100_000;

    private readonly ExpositionOptions _options = new();
    private IReadOnlyList<MetricFamily> _families = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = 0 });
        var family = store.Register(new MetricDescriptor
        {
            Name = "requests_by_client_path",
            ExportName = "requests_by_client_path",
            Program = "high_cardinality.mtail",
            Kind = MetricKind.Counter,
            ValueType = MetricValueType.Int,
            LabelNames = ["client", "path"],
        });
        var labels = new LabelValuesBuilder();
        for (var i = 0; i < Series; i++)
        {
            labels.Clear();
            labels.Add($"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}".AsSpan());
            labels.Add($"/api/v2/items/{i % 997}".AsSpan());
            var series = family.GetOrAdd(labels) ?? throw new InvalidOperationException("series refused; is MaxSeriesPerMetric = 0 unlimited?");
            series.AddInt(i, 0);
        }

        _families = store.Snapshot();
    }

    [Benchmark]
    public void PrometheusTextWriter100kSeries() => PrometheusTextWriter.Write(Stream.Null, _families, _options);
}
