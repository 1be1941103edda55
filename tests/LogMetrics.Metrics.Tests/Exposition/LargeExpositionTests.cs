using System.Diagnostics;
using LogMetrics.Metrics.Exposition;
using LogMetrics.Metrics.Tests.Support;
using Xunit.Abstractions;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests.Exposition;

public sealed class LargeExpositionTests(ITestOutputHelper output)
{
    private const int SeriesCount = 1_000_000;

    [Fact]
    public void A_million_series_render_completely()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = 0 });
        var family = store.Register(Counter("http_requests_total", "path", "code"));
        var labels = new LabelValuesBuilder();
        for (var i = 0; i < SeriesCount; i++)
        {
            labels.Clear();
            labels.Add("/p/" + (i % 100_000));
            labels.Add(200 + i / 100_000);
            family.GetOrAdd(labels)!.AddInt(i, 0);
        }

        var first = Render(store, "first scrape (sorts everything)");
        Assert.Equal(SeriesCount + 2, first.Lines);

        labels.Clear();
        labels.Add("/new");
        labels.Add(200);
        family.GetOrAdd(labels)!.AddInt(1, 0);
        var second = Render(store, "second scrape (merges one new series)");
        Assert.Equal(SeriesCount + 3, second.Lines);

        var third = Render(store, "third scrape (nothing changed)");
        Assert.Equal(second.Bytes, third.Bytes);
    }

    private (long Lines, long Bytes) Render(MetricStore store, string what)
    {
        var counter = new LineCountingStream();
        var stopwatch = Stopwatch.StartNew();
        PrometheusTextWriter.Write(counter, store.Snapshot(), new ExpositionOptions());
        output.WriteLine($"{what}: {counter.Lines} lines, {counter.Length} bytes in {stopwatch.ElapsedMilliseconds} ms");
        return (counter.Lines, counter.Length);
    }
}
