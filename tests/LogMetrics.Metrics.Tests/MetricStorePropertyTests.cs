using System.Globalization;
using System.Text;
using CsCheck;
using LogMetrics.Metrics.Exposition;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests;

/// <summary>
/// The store against a model (a dictionary), over random sequences of updates and deletes with awkward label values,
/// and the Prometheus text exposition parsed back against the same model (CsCheck; a failure prints its seed).
/// </summary>
public sealed class MetricStorePropertyTests
{
    private const int Iterations = 300;

    /// <summary>Label values with what needs escaping in the key (\0) and in the exposition (\\, ", \n), and non-ASCII.</summary>
    private static readonly Gen<string> LabelValue = Gen.OneOf(
        Gen.OneOf<string>("", "GET", "POST", "a\"b", "back\\slash", "line\nbreak", "\0", "\u0001", "é✓"),
        Gen.String[Gen.Char["ab\\\"\n\0\u0001é"], 0, 3]);

    private static readonly Gen<Operation> Operations = Gen.Select(Gen.Int[0, 9], LabelValue, LabelValue, Gen.Long[-5, 1_000_000],
        (kind, a, b, delta) => new Operation(kind == 0 ? OperationKind.Delete : OperationKind.Add, a, b, delta));

    [Fact]
    public void Series_values_equal_a_model_after_any_updates_and_deletes() =>
        Operations.Array[0, 60].Sample(operations =>
        {
            var store = new MetricStore();
            var family = store.Register(Counter("requests_total", "method", "code"));
            var model = Apply(family, operations, maxSeries: null);

            Assert.Equal(model.Count, family.SeriesCount);
            Assert.Equal(
                model.Select(m => $"{m.Key.A}|{m.Key.B}={m.Value}").Order(StringComparer.Ordinal),
                family.SnapshotSeries().Select(s => $"{s.LabelValues[0]}|{s.LabelValues[1]}={s.IntValue}").Order(StringComparer.Ordinal));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void The_text_exposition_parses_back_to_the_model_and_to_the_sample_reader() =>
        Operations.Array[0, 40].Sample(operations =>
        {
            var store = new MetricStore();
            var family = store.Register(Counter("requests_total", "method", "code"));
            var model = Apply(family, operations, maxSeries: null);

            var parsed = ParseExposition(Prometheus(store));
            var expected = model
                .Select(m => Line("requests_total", [("code", m.Key.B), ("method", m.Key.A), ("prog", "test.rules")], m.Value))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, parsed.Order(StringComparer.Ordinal));
            var read = SampleReader.Read(store.Snapshot())
                .Select(s => Line(s.Name, s.Labels.Where(l => l.Key != "__name__").Select(l => (l.Key, l.Value)), s.Value));
            Assert.Equal(parsed.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void The_per_metric_maximum_refuses_exactly_the_label_sets_beyond_it() =>
        Gen.Select(Operations.Array[0, 60], Gen.Int[1, 6]).Sample((operations, max) =>
        {
            var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = max });
            var family = store.Register(Counter("requests_total", "method", "code"));
            var model = Apply(family, operations, max);

            Assert.True(family.SeriesCount <= max);
            Assert.Equal(model.Count, family.SeriesCount);
            Assert.All(family.SnapshotSeries(), s => Assert.Equal(model[(s.LabelValues[0], s.LabelValues[1])], s.IntValue));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void A_limit_evicts_the_least_recently_updated_series() =>
        Gen.Select(Operations.Array[0, 60], Gen.Int[1, 5]).Sample((operations, limit) =>
        {
            var store = new MetricStore();
            var family = store.Register(Counter("requests_total", "method", "code") with { Limit = limit });
            var model = new Dictionary<(string A, string B), (long Value, long Stamp)>();
            var stamp = 0L;
            foreach (var op in operations)
            {
                var key = (op.A, op.B);
                if (op.Kind == OperationKind.Delete)
                {
                    family.Remove(Labels(op.A, op.B));
                    model.Remove(key);
                    continue;
                }

                if (!model.ContainsKey(key) && model.Count >= limit)
                {
                    model.Remove(model.MinBy(m => m.Value.Stamp).Key);
                }

                family.Get(op.A, op.B).AddInt(op.Delta, 1);
                model[key] = ((model.TryGetValue(key, out var old) ? old.Value : 0) + op.Delta, ++stamp);
            }

            Assert.Equal(
                model.Select(m => $"{m.Key.A}|{m.Key.B}={m.Value.Value}").Order(StringComparer.Ordinal),
                family.SnapshotSeries().Select(s => $"{s.LabelValues[0]}|{s.LabelValues[1]}={s.IntValue}").Order(StringComparer.Ordinal));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Histogram_buckets_sum_and_count_follow_the_observations() =>
        Gen.Int[-4, 30].Array[0, 40].Sample(quarters =>
        {
            var store = new MetricStore();
            // As the binder declares `buckets 1, 2, 5`: 0 added as the first bound.
            var family = store.Register(Histogram("latency_seconds", [0, 1, 2, 5]));
            var values = quarters.Select(q => q / 4.0).ToArray();
            foreach (var value in values)
            {
                family.Scalar.Observe(value, 1);
            }

            var read = SampleReader.Read(store.Snapshot());
            Assert.Equal(ParseExposition(Prometheus(store)).Order(StringComparer.Ordinal),
                read.Select(s => Line(s.Name, s.Labels.Where(l => l.Key != "__name__").Select(l => (l.Key, l.Value)), s.Value)).Order(StringComparer.Ordinal));
            var samples = read.ToDictionary(
                s => s.Name + string.Concat(s.Labels.Where(l => l.Key == "le").Select(l => "@" + l.Value)), s => s.Value);
            // mtail's buckets: 0 is the lower edge of the first; a value at or below it is only in _sum and _count.
            Assert.Equal(values.Count(v => v > 0 && v <= 1), samples["latency_seconds_bucket@1"]);
            Assert.Equal(values.Count(v => v > 0 && v <= 2), samples["latency_seconds_bucket@2"]);
            Assert.Equal(values.Count(v => v > 0 && v <= 5), samples["latency_seconds_bucket@5"]);
            Assert.Equal(values.Count(v => v > 0), samples["latency_seconds_bucket@+Inf"]);
            Assert.Equal(values.Length, samples["latency_seconds_count"]);
            Assert.Equal(values.Sum(), samples["latency_seconds_sum"], 9);
        }, iter: Iterations, threads: 1);

    private static Dictionary<(string A, string B), long> Apply(MetricFamily family, Operation[] operations, int? maxSeries)
    {
        var model = new Dictionary<(string A, string B), long>();
        foreach (var op in operations)
        {
            var key = (op.A, op.B);
            if (op.Kind == OperationKind.Delete)
            {
                Assert.Equal(model.Remove(key), family.Remove(Labels(op.A, op.B)));
                continue;
            }

            var series = family.GetOrAdd(Labels(op.A, op.B));
            var refused = maxSeries is { } max && !model.ContainsKey(key) && model.Count >= max;
            Assert.Equal(refused, series is null);
            if (series is not null)
            {
                series.AddInt(op.Delta, 1);
                model[key] = model.GetValueOrDefault(key) + op.Delta;
            }
        }

        return model;
    }

    /// <summary>A sample in one canonical form: name, labels sorted by name with raw values, and the value.</summary>
    private static string Line(string name, IEnumerable<(string Key, string Value)> labels, double value) =>
        name + "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={Escape(l.Value)}")) + "} "
        + value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => Convert.ToHexString(Encoding.UTF8.GetBytes(value));

    /// <summary>The samples of a Prometheus text exposition in <see cref="Line"/>'s form, label values unescaped.</summary>
    private static List<string> ParseExposition(string text) =>
        ExpositionParser.Parse(text).Select(s => Line(s.Name, s.Labels.Select(l => (l.Key, l.Value)), s.Value)).ToList();

    private enum OperationKind
    {
        Add,
        Delete,
    }

    private sealed record Operation(OperationKind Kind, string A, string B, long Delta);
}
