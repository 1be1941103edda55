using LogMetrics.Metrics.Tests.Support;
using static LogMetrics.Metrics.Tests.Support.Metrics;

namespace LogMetrics.Metrics.Tests;

public sealed class MetricStoreTests
{
    [Theory]
    [InlineData(MetricKind.Counter, MetricValueType.Int, true)]
    [InlineData(MetricKind.Histogram, MetricValueType.Buckets, true)]
    [InlineData(MetricKind.Gauge, MetricValueType.Int, false)]
    [InlineData(MetricKind.Timer, MetricValueType.Float, false)]
    [InlineData(MetricKind.Text, MetricValueType.String, false)]
    public void Only_scalar_counters_and_histograms_are_created_at_register(MetricKind kind, MetricValueType type, bool created)
    {
        var store = new MetricStore();
        var family = store.Register(Describe("x", kind, type) with { Buckets = [1, 2] });
        Assert.Equal(created ? 1 : 0, family.SeriesCount);
        if (created)
        {
            var series = Assert.Single(family.SnapshotSeries());
            Assert.Equal(0, series.TimestampMs);
            Assert.Equal(0, series.IntValue);
        }

        _ = family.Scalar;
        Assert.Equal(1, family.SeriesCount);
        Assert.Same(family.Scalar, Assert.Single(family.SnapshotSeries()));
    }

    [Fact]
    public void Dimensioned_counters_are_not_created_at_register_but_initial_label_sets_are()
    {
        var store = new MetricStore();
        Assert.Equal(0, store.Register(Counter("a", "code")).SeriesCount);
        var family = store.Register(Counter("b", "code") with { InitialLabelSets = [["200"], ["500"], ["bad", "arity"]] });
        Assert.Equal([["200"], ["500"]], family.SnapshotSeries().Select(s => s.LabelValues));
        Assert.All(family.SnapshotSeries(), s => Assert.Equal(0, s.IntValue));
    }

    [Fact]
    public void Reregistering_the_same_shape_keeps_state_and_takes_the_new_descriptor()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("requests_total", "code"));
        family.Get("200").AddInt(5, 1000);

        var again = store.Register(Counter("requests_total", "code") with { Source = "test.rules:7:9-22", Limit = 3 });

        Assert.Same(family, again);
        Assert.Equal(5, again.Get("200").IntValue);
        Assert.Equal("test.rules:7:9-22", again.Descriptor.Source);
        Assert.Single(store.Snapshot());
    }

    [Fact]
    public void Reregistering_adds_new_initial_label_sets_and_keeps_the_old_series()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("c", "code") with { InitialLabelSets = [["200"]] });
        family.Get("200").AddInt(4, 1);
        family.Get("404").AddInt(1, 1);

        store.Register(Counter("c", "code") with { InitialLabelSets = [["200"], ["500"]] });

        Assert.Equal(["200", "404", "500"], family.SnapshotSeries().Select(s => s.LabelValues[0]));
        Assert.Equal(4, family.Get("200").IntValue);
        family.Get("503").AddInt(1, 1);
        Assert.Equal(4, family.SeriesCount);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("type")]
    [InlineData("labels")]
    [InlineData("buckets")]
    public void Changing_the_shape_replaces_the_family(string change)
    {
        var store = new MetricStore();
        var descriptor = Histogram("latency", [1, 2], "code");
        var family = store.Register(descriptor);
        family.Get("200").Observe(1, 1);

        var changed = change switch
        {
            "kind" => descriptor with { Kind = MetricKind.Gauge, ValueType = MetricValueType.Float },
            "type" => descriptor with { ValueType = MetricValueType.Float },
            "labels" => descriptor with { LabelNames = ["code", "method"] },
            _ => descriptor with { Buckets = [1, 2, 4] },
        };
        var replaced = store.Register(changed);

        Assert.NotSame(family, replaced);
        Assert.Equal(0, replaced.SeriesCount);
        Assert.Same(replaced, Assert.Single(store.Snapshot()));
    }

    [Fact]
    public void Same_name_in_two_programs_is_two_families_and_remove_program_drops_one()
    {
        var store = new MetricStore();
        var a = store.Register(Counter("shared") with { Program = "a.rules" });
        var b = store.Register(Counter("shared") with { Program = "b.rules" });
        Assert.NotSame(a, b);
        Assert.Equal([a, b], store.Snapshot());

        store.RemoveProgram("a.rules");
        Assert.Equal([b], store.Snapshot());
        store.Remove(b);
        Assert.Empty(store.Snapshot());
    }

    [Fact]
    public void Snapshot_is_ordered_by_export_name_then_program()
    {
        var store = new MetricStore();
        store.Register(Counter("z") with { ExportName = "a_first", Program = "b.rules" });
        store.Register(Counter("y") with { ExportName = "b_second" });
        store.Register(Counter("x") with { ExportName = "a_first", Program = "a.rules" });
        store.Register(Counter("self") with { ExportName = "a_first", Program = null });

        Assert.Equal(
            ["a_first/", "a_first/a.rules", "a_first/b.rules", "b_second/test.rules"],
            store.Snapshot().Select(f => f.Descriptor.ExportName + "/" + f.Descriptor.Program));
    }

    [Fact]
    public void Limit_evicts_the_least_recently_updated_series()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("c", "k") with { Limit = 3 });
        family.Get("a").AddInt(1, 1);
        family.Get("b").AddInt(1, 1);
        family.Get("c").AddInt(1, 1);
        family.Get("a").AddInt(1, 2);
        family.Get("d").AddInt(1, 3);

        Assert.Equal(3, family.SeriesCount);
        Assert.Equal(1, family.SeriesDropped);
        Assert.Equal(["a", "c", "d"], family.SnapshotSeries().Select(s => s.LabelValues[0]));
    }

    [Fact]
    public void Limit_evicts_in_batches_at_large_sizes()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = 0 });
        var family = store.Register(Counter("c", "k") with { Limit = 6400 });
        for (var i = 0; i < 6400; i++)
        {
            family.Get(i.ToString()).AddInt(1, i);
        }

        family.Get("new").AddInt(1, 0);

        Assert.Equal(6400 - 100 + 1, family.SeriesCount);
        Assert.Equal(100, family.SeriesDropped);
        Assert.Null(family.Find(Labels("0")));
        Assert.Null(family.Find(Labels("99")));
        Assert.NotNull(family.Find(Labels("100")));
    }

    [Fact]
    public void Max_series_per_metric_refuses_new_label_sets_and_counts_them()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = 2 });
        var family = store.Register(Counter("c", "k") with { Program = null });
        Assert.NotNull(family.GetOrAdd(Labels("a")));
        Assert.NotNull(family.GetOrAdd(Labels("b")));
        Assert.Null(family.GetOrAdd(Labels("c")));
        Assert.Null(family.GetOrAdd(Labels("d")));
        Assert.NotNull(family.GetOrAdd(Labels("a")));

        Assert.Equal(2, family.SeriesCount);
        Assert.Equal(2, family.SeriesDropped);
    }

    [Fact]
    public void By_default_a_store_keeps_every_label_set_as_mtail_does()
    {
        var family = new MetricStore().Register(Counter("c", "k"));
        for (var i = 0; i < 20_001; i++)
        {
            family.GetOrAdd(Labels(i.ToString()));
        }

        Assert.Equal(20_001, family.SeriesCount);
        Assert.Equal(0, family.SeriesDropped);
        Assert.Equal(0, family.MaxSeries);
    }

    [Fact]
    public void Refusals_by_the_store_maximum_are_told_apart_from_limit_evictions()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = 3 });
        var capped = store.Register(Counter("capped", "k"));
        var limited = store.Register(Counter("limited", "k") with { Limit = 2 });
        foreach (var value in new[] { "a", "b", "c", "d", "e" })
        {
            capped.GetOrAdd(Labels(value));
            limited.GetOrAdd(Labels(value));
        }

        Assert.Equal(3, capped.SeriesCount);
        Assert.Equal(2, capped.SeriesRefused);
        Assert.Equal(3, capped.MaxSeries);
        Assert.Equal(0, limited.SeriesRefused);
        Assert.True(limited.SeriesDropped > 0);
    }

    [Fact]
    public void Wrong_label_count_is_refused_without_throwing()
    {
        var family = new MetricStore().Register(Counter("c", "a", "b"));
        Assert.Null(family.GetOrAdd(Labels("only one")));
        Assert.Null(family.Find(Labels("x", "y", "z")));
        Assert.False(family.Remove(Labels()));
        family.Scalar.AddInt(1, 0);
        Assert.Equal(0, family.SeriesCount);
    }

    [Fact]
    public void Del_removes_a_series_and_missing_ones_are_fine()
    {
        var family = new MetricStore().Register(Counter("c", "k"));
        family.Get("a").AddInt(1, 1);
        Assert.Single(family.SnapshotSeries());
        Assert.True(family.Remove(Labels("a")));
        Assert.False(family.Remove(Labels("a")));
        Assert.Empty(family.SnapshotSeries());
        Assert.Equal(0, family.Get("a").IntValue);
    }

    [Fact]
    public void Del_after_expires_idle_series_in_maintenance()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("sessions", "id"));
        family.Get("idle").AddInt(1, 1);
        family.Get("idle").ExpireAfter(TimeSpan.FromHours(1));
        family.Get("kept").AddInt(1, 1);

        store.RunMaintenance(DateTimeOffset.UtcNow);
        Assert.Equal(2, family.SeriesCount);

        store.RunMaintenance(DateTimeOffset.UtcNow.AddHours(2));
        Assert.Equal(["kept"], family.SnapshotSeries().Select(s => s.LabelValues[0]));
        Assert.Null(family.Find(Labels("idle")));
        Assert.Equal(0, family.SeriesDropped);
    }

    [Fact]
    public void Idle_time_is_measured_from_the_last_update_not_the_log_timestamp()
    {
        var store = new MetricStore();
        var family = store.Register(Counter("sessions", "id"));
        var series = family.Get("old-log-line");
        series.AddInt(1, timestampMs: 0);
        series.ExpireAfter(TimeSpan.FromMinutes(10));

        store.RunMaintenance(DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(1, family.SeriesCount);
    }

    [Fact]
    public void Looking_up_an_existing_series_allocates_nothing()
    {
        var family = new MetricStore().Register(Counter("c", "method", "code", "ratio"));
        var builder = new LabelValuesBuilder();
        Series? series = null;
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Lookup();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Lookup();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(3 * 1003, series!.IntValue);

        void Lookup()
        {
            builder.Clear();
            builder.Add("GET");
            builder.Add(200L);
            builder.Add(0.25);
            series = family.GetOrAdd(builder);
            series!.AddInt(1, 0);
            family.Find(builder)!.AddInt(1, 0);
            family.Find(builder)!.AddFloat(1, 0);
        }
    }

    // B as the compiler builds it: `buckets 0.5, 1, 2` gets a 0 prepended, the lower edge of the first bucket.
    [Theory]
    [InlineData(new[] { 0, 0.5, 1, 2 }, new double[] { -3, 0, 0.5, 0.6, 1, 2, 2.5, double.NaN }, new long[] { 1, 2, 1, 1 })]
    [InlineData(new double[] { -10, -1, 0, 5 }, new double[] { -20, -10, -9, -1, 0, 5, 6 }, new long[] { 2, 1, 1, 1 })]
    [InlineData(new[] { 1.0 }, new double[] { 0, 1, 2 }, new long[] { 1 })]
    public void Histograms_count_in_the_bucket_whose_range_holds_the_value(double[] bounds, double[] values, long[] expected)
    {
        var family = new MetricStore().Register(Histogram("h", bounds));
        foreach (var value in values)
        {
            family.Scalar.Observe(value, 0);
        }

        var snapshot = family.Scalar.ReadHistogram();
        Assert.Equal(expected, snapshot.BucketCounts);
        Assert.Equal(values.Length, snapshot.Count);
    }

    [Fact]
    public void Histograms_with_many_buckets_search_binary()
    {
        var bounds = Enumerable.Range(0, 21).Select(i => (double)i).ToArray();
        var family = new MetricStore().Register(Histogram("h", bounds));
        foreach (var value in new[] { -1, 0, 0.5, 1, 1.5, 19.5, 20, 21 })
        {
            family.Scalar.Observe(value, 0);
        }

        var snapshot = family.Scalar.ReadHistogram();
        Assert.Equal(21, snapshot.BucketCounts.Length);
        Assert.Equal(2, snapshot.BucketCounts[0]);
        Assert.Equal(1, snapshot.BucketCounts[1]);
        Assert.Equal(2, snapshot.BucketCounts[19]);
        Assert.Equal(1, snapshot.BucketCounts[20]);
        Assert.Equal(8, snapshot.Count);
        Assert.Equal(62.5, snapshot.Sum);
    }

    [Fact]
    public void Values_of_another_type_convert_instead_of_throwing()
    {
        var store = new MetricStore();
        var ints = store.Register(Gauge("i")).Scalar;
        ints.SetFloat(2.9, 5);
        Assert.Equal(2, ints.IntValue);
        Assert.Equal(5, ints.TimestampMs);
        ints.SetText("41", 6);
        ints.AddInt(1, 7);
        Assert.Equal(42, ints.IntValue);

        var floats = store.Register(FloatGauge("f")).Scalar;
        floats.SetInt(3, 0);
        floats.AddFloat(0.5, 0);
        Assert.Equal(3.5, floats.FloatValue);
        Assert.Equal("3.5", floats.TextValue);

        var text = store.Register(Describe("t", MetricKind.Text, MetricValueType.String)).Scalar;
        text.SetText("GET", 0);
        Assert.Equal("GET", text.TextValue);
        text.SetInt(1000000, 0);
        Assert.Equal("1000000", text.TextValue);
    }

    [Fact]
    public async Task A_scrape_during_writes_sees_a_consistent_list()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeriesPerMetric = 0 });
        var family = store.Register(Histogram("h", [0, 1, 2], "k"));
        var writer = Task.Run(() =>
        {
            var builder = new LabelValuesBuilder();
            for (var i = 0; i < 200_000; i++)
            {
                builder.Clear();
                builder.Add(i % 5000);
                var series = family.GetOrAdd(builder)!;
                series.Observe(i % 3 + 1, i);
                if (i % 11 == 0)
                {
                    series.ExpireAfter(TimeSpan.FromMilliseconds(1));
                }

                if (i % 7 == 0)
                {
                    family.Remove(builder);
                }
            }
        });

        while (!writer.IsCompleted)
        {
            var series = family.SnapshotSeries();
            var keys = series.Select(s => s.LabelValues[0]).ToList();
            Assert.Equal(keys.Distinct().Count(), keys.Count);
            foreach (var one in series)
            {
                var snapshot = one.ReadHistogram();
                Assert.Equal(snapshot.Count, snapshot.BucketCounts.Sum());
            }

            store.RunMaintenance(DateTimeOffset.UtcNow.AddMilliseconds(5));
        }

        await writer;
        Assert.True(family.SeriesCount <= 5000);
    }
}
