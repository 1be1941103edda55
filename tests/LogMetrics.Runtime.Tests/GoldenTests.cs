using System.Globalization;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests;

/// <summary>mtail's example programs on mtail's test logs must give every datum of mtail's golden files.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(SharedPaths.MtailConformance, "cases.tsv")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            data.Add(fields[0], fields[1], fields[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProgramReproducesGolden(string program, string log, string golden)
    {
        var text = File.ReadAllText(Path.Combine(SharedPaths.MtailExamples, program));
        using var harness = new EngineHarness(program, text, new EngineOptions { SyslogUseCurrentYear = false });
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.FeedFile(Path.Combine(SharedPaths.MtailConformance, "testdata", log));

        var failures = new List<string>();
        foreach (var datum in GoldenReader.Read(Path.Combine(SharedPaths.MtailConformance, "testdata", golden)))
        {
            var family = harness.Store.Snapshot().FirstOrDefault(f => f.Descriptor.Program == program && f.Descriptor.ExportName == datum.Name);
            if (family is null)
            {
                failures.Add($"missing family: {datum.Line}");
                continue;
            }

            if (!string.Equals(family.Descriptor.Kind.ToString(), datum.Kind, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"kind {family.Descriptor.Kind}: {datum.Line}");
            }

            if (datum.Value is null)
            {
                continue;
            }

            var labelNames = family.Descriptor.LabelNames;
            var series = family.SnapshotSeries().FirstOrDefault(s =>
                labelNames.Count == datum.Labels.Count
                && labelNames.Select((n, i) => datum.Labels.TryGetValue(n, out var v) && v == s.LabelValues[i]).All(x => x));
            if (series is null)
            {
                failures.Add($"missing series: {datum.Line}");
                continue;
            }

            var actual = family.Descriptor.ValueType switch
            {
                MetricValueType.Int => series.IntValue.ToString(CultureInfo.InvariantCulture),
                MetricValueType.Float => series.FloatValue.ToString("R", CultureInfo.InvariantCulture),
                _ => series.TextValue,
            };
            var same = actual == datum.Value
                || (double.TryParse(actual, CultureInfo.InvariantCulture, out var a) && double.TryParse(datum.Value, CultureInfo.InvariantCulture, out var b)
                    && Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b)));
            if (!same)
            {
                failures.Add($"value {actual}: {datum.Line}");
            }

            if (datum.TimestampMs is { } ts && series.TimestampMs != ts)
            {
                failures.Add($"timestamp {DescribeMs(series.TimestampMs)}: {datum.Line}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\nruntime errors: " + harness.Errors.Count
            + (harness.Errors.Count > 0 ? " first: " + harness.Errors[0].Message : ""));
    }

    private static string DescribeMs(long ms) => ms.ToString(CultureInfo.InvariantCulture);
}
