using System.Globalization;
using LogMetrics.Metrics;

namespace LogMetrics.Runtime.Explain;

/// <summary>Reads every series' value as text, and compares two readings.</summary>
internal static class SeriesValues
{
    public static Dictionary<(string Metric, string Key), (IReadOnlyList<KeyValuePair<string, string>> Labels, string Value)> Read(IEnumerable<MetricFamily> families)
    {
        var values = new Dictionary<(string, string), (IReadOnlyList<KeyValuePair<string, string>>, string)>();
        foreach (var family in families)
        {
            var descriptor = family.Descriptor;
            foreach (var series in family.SnapshotSeries())
            {
                var labels = descriptor.LabelNames.Zip(series.LabelValues, (n, v) => new KeyValuePair<string, string>(n, v)).ToList();
                values[(descriptor.Name, string.Join("\u0001", series.LabelValues))] = (labels, Format(descriptor, series));
            }
        }

        return values;
    }

    public static IReadOnlyList<SeriesChange> Changes(
        Dictionary<(string Metric, string Key), (IReadOnlyList<KeyValuePair<string, string>> Labels, string Value)> before,
        Dictionary<(string Metric, string Key), (IReadOnlyList<KeyValuePair<string, string>> Labels, string Value)> after)
    {
        var changes = new List<SeriesChange>();
        foreach (var (key, now) in after)
        {
            if (!before.TryGetValue(key, out var was))
            {
                changes.Add(new SeriesChange(key.Metric, now.Labels, null, now.Value));
            }
            else if (was.Value != now.Value)
            {
                changes.Add(new SeriesChange(key.Metric, now.Labels, was.Value, now.Value));
            }
        }

        foreach (var (key, was) in before)
        {
            if (!after.ContainsKey(key))
            {
                changes.Add(new SeriesChange(key.Metric, was.Labels, was.Value, null));
            }
        }

        return changes
            .OrderBy(c => c.Metric, StringComparer.Ordinal)
            .ThenBy(c => string.Join("\u0000", c.Labels.Select(l => l.Value)), StringComparer.Ordinal)
            .ToList();
    }

    private static string Format(MetricDescriptor descriptor, Series series)
    {
        if (descriptor.Kind != MetricKind.Histogram)
        {
            return series.TextValue;
        }

        var histogram = series.ReadHistogram();
        return string.Create(CultureInfo.InvariantCulture, $"count={histogram.Count} sum={GoFloatFormatter.FormatG(histogram.Sum)}");
    }
}
