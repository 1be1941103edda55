using LogMetrics.Metrics;
using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests;

public sealed class SummaryAndRetentionTests
{
    [Fact]
    public void A_summary_observes_each_assignment()
    {
        using var harness = new EngineHarness("s.rules", """
            summary response_seconds by method quantiles 0.5, 0.9 max_age 1m
            /(?P<method>\w+) (?P<t>\d+\.\d+)/ {
              response_seconds[$method] = $t
            }
            """);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("f", Enumerable.Range(1, 10).Select(i => $"GET {i}.0"));
        var snapshot = harness.Series("response_seconds", "GET")!.ReadSummary();
        Assert.Equal([5.0, 9.0], snapshot.QuantileValues);
        Assert.Equal(55, snapshot.Sum);
        Assert.Equal(10, snapshot.Count);
        Assert.Equal(MetricKind.Summary, harness.Family("response_seconds")!.Descriptor.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), harness.Family("response_seconds")!.Descriptor.MaxAge);
    }

    [Fact]
    public void Without_quantiles_a_summary_has_client_golangs_defaults()
    {
        using var harness = new EngineHarness("s.rules", "summary s\ns = 1\n");
        var descriptor = harness.Family("s")!.Descriptor;
        Assert.Equal([0.5, 0.9, 0.99], descriptor.Quantiles);
        Assert.Equal([0.05, 0.01, 0.001], descriptor.QuantileErrors.Select(e => Math.Round(e, 6)));
        Assert.Equal(TimeSpan.FromMinutes(10), descriptor.MaxAge);
    }

    // The store's maintenance is given a later time: the fake clock of idle expiry.
    [Fact]
    public void Retention_removes_a_label_set_not_updated_for_that_long()
    {
        using var harness = new EngineHarness("r.rules", """
            counter logins_total by user retention 5m
            /login (?P<user>\w+)/ {
              logins_total[$user]++
            }
            """);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("f", ["login alice", "login bob"]);
        var now = DateTimeOffset.UtcNow;
        harness.Store.RunMaintenance(now.AddMinutes(4));
        Assert.Equal(2, harness.Family("logins_total")!.SnapshotSeries().Count);
        harness.Store.RunMaintenance(now.AddMinutes(5).AddSeconds(1));
        Assert.Empty(harness.Family("logins_total")!.SnapshotSeries());

        harness.Feed("f", ["login alice"]);
        Assert.Equal("1", harness.Value("logins_total", "alice"));
    }

    [Fact]
    public void A_wildcard_delete_removes_every_series_whose_other_keys_match()
    {
        using var harness = new EngineHarness("d.rules", """
            gauge session_bytes by user, session
            /open (?P<user>\w+) (?P<session>\w+) (?P<bytes>\d+)/ {
              session_bytes[$user][$session] = $bytes
            }
            /logout (?P<user>\w+)/ {
              del session_bytes[$user][*]
            }
            /reset/ {
              del session_bytes[*, *]
            }
            """);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("f", ["open alice s1 10", "open alice s2 20", "open bob s3 30", "logout alice"]);
        Assert.Equal(["bob"], harness.Family("session_bytes")!.SnapshotSeries().Select(s => s.LabelValues[0]));
        harness.Feed("f", ["open carol s4 5", "reset"]);
        Assert.Empty(harness.Family("session_bytes")!.SnapshotSeries());
    }

    [Fact]
    public void An_upper_bound_histogram_counts_low_values_in_its_first_bucket()
    {
        using var harness = new EngineHarness("h.rules", """
            histogram latency le 0.1, 1
            /(?P<t>-?\d+\.\d+)/ {
              latency = $t
            }
            """);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("f", ["0.0", "-3.5", "0.5", "7.0"]);
        var snapshot = harness.Series("latency")!.ReadHistogram();
        Assert.Equal([2L, 1L, 1L], snapshot.BucketCounts);
        Assert.Equal(4, snapshot.Count);
    }
}
