using System.Globalization;

namespace LogMetrics.Metrics.Exposition;

/// <summary>
/// Flattens families into the samples the Prometheus text exposition holds (same names, labels, `prog`, histogram
/// buckets, `_sum` and `_count`, and the same families left out), for outputs that send samples rather than text.
/// </summary>
public static class SampleReader
{
    private const string NameLabel = "__name__";

    public static List<ExposedSample> Read(IReadOnlyList<MetricFamily> families, ExpositionOptions? options = null)
    {
        options ??= new ExpositionOptions();
        var samples = new List<ExposedSample>();
        foreach (var group in ExportPlanner.Plan(families, options, TextFormat.Prometheus))
        {
            // With the prog label off, two programs can write the same label set; the exposition writes it once.
            var seen = group.Members.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            foreach (var member in group.Members)
            {
                foreach (var series in member.Family.SnapshotSorted())
                {
                    if (series.Removed)
                    {
                        continue;
                    }

                    var labels = LabelsOf(member, series);
                    if (seen is not null && !seen.Add(string.Join('\xff', labels.Select(l => l.Key + "\xfe" + l.Value))))
                    {
                        continue;
                    }

                    Add(samples, group.SampleName, member, series, labels);
                }
            }
        }

        return samples;
    }

    private static void Add(List<ExposedSample> samples, string name, ExportedFamily member, Series series, List<KeyValuePair<string, string>> labels)
    {
        if (member.Descriptor.Kind != MetricKind.Histogram)
        {
            var value = series.ValueType switch
            {
                MetricValueType.Int => series.IntValue,
                MetricValueType.Float => series.FloatValue,
                _ => 0d,
            };
            samples.Add(new ExposedSample(WithName(name, labels), value));
            return;
        }

        // mtail's buckets, as the text writer writes them: le=b1..bn and +Inf, cumulative.
        var bounds = member.Family.Bounds;
        var counts = new long[member.Family.BucketCount];
        var (sum, count) = series.Histogram is null ? (0d, 0L) : series.Histogram.ReadInto(counts);
        var cumulative = 0L;
        Span<char> buffer = stackalloc char[GoFloatFormatter.MaxLength];
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            var bound = i + 1 < bounds.Length ? bounds[i + 1] : double.PositiveInfinity;
            var length = GoFloatFormatter.FormatPrometheus(bound, buffer);
            var withLe = new List<KeyValuePair<string, string>>(labels) { new("le", new string(buffer[..length])) };
            withLe.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            samples.Add(new ExposedSample(WithName(name + "_bucket", withLe), cumulative));
        }

        samples.Add(new ExposedSample(WithName(name + "_sum", labels), sum));
        samples.Add(new ExposedSample(WithName(name + "_count", labels), count));
    }

    private static List<KeyValuePair<string, string>> LabelsOf(ExportedFamily member, Series series)
    {
        var values = series.LabelValues;
        var declared = member.Descriptor.LabelNames;
        var labels = new List<KeyValuePair<string, string>>(member.LabelNames.Length + 2);
        for (var i = 0; i < declared.Count && i < values.Count; i++)
        {
            labels.Add(new(declared[i], values[i]));
        }

        if (member.ProgPosition >= 0)
        {
            labels.Add(new("prog", member.Descriptor.Program ?? ""));
        }

        labels.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static KeyValuePair<string, string>[] WithName(string name, List<KeyValuePair<string, string>> labels)
    {
        // Sorted by name, `__name__` included, as remote_write requires (a label may start with a capital, before `_`).
        var result = new KeyValuePair<string, string>[labels.Count + 1];
        result[0] = new(NameLabel, name);
        labels.CopyTo(result, 1);
        Array.Sort(result, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    /// <summary>The sample as one line of the text exposition, for messages and tests.</summary>
    public static string Describe(ExposedSample sample) =>
        sample.Name + "{" + string.Join(",", sample.Labels.Where(l => l.Key != NameLabel).Select(l => $"{l.Key}=\"{l.Value}\"")) + "} "
        + sample.Value.ToString("R", CultureInfo.InvariantCulture);
}
