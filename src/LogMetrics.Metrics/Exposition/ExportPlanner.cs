namespace LogMetrics.Metrics.Exposition;

/// <summary>
/// Decides what a text exposition writes: which families, under which names, grouped across programs.
/// Anything that would make the exposition invalid is left out rather than failing the scrape: names that are
/// invalid even after mtail's `-` to `_`, bad or clashing label names, a program whose family has another type or
/// other labels than the first program's under the same name, and names whose samples another family already writes.
/// </summary>
internal static class ExportPlanner
{
    public static List<ExportGroup> Plan(IReadOnlyList<MetricFamily> families, ExpositionOptions options, TextFormat format)
    {
        var candidates = new List<(string Group, string Sample, string Type, ExportedFamily Family)>();
        foreach (var family in families)
        {
            var descriptor = family.Descriptor;
            if (descriptor.Hidden || descriptor.Kind == MetricKind.Text)
            {
                continue;
            }

            var name = PrometheusNames.MetricName(descriptor.ExportName);
            var exported = name is null ? null : Export(family, descriptor, options);
            if (name is null || exported is null)
            {
                continue;
            }

            var type = descriptor.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                MetricKind.Summary => "summary",
                _ => "gauge",
            };

            var group = name;
            var sample = name;
            if (format == TextFormat.OpenMetrics && type == "counter")
            {
                if (name.EndsWith("_total", StringComparison.Ordinal))
                {
                    group = name[..^"_total".Length];
                }
                else
                {
                    sample = name + "_total";
                }

                if (!PrometheusNames.IsValidMetricName(group))
                {
                    continue;
                }
            }

            candidates.Add((group, sample, type, exported));
        }

        // Stable: by name, then program (self-metrics first).
        var ordered = candidates
            .Select((candidate, index) => (candidate, index))
            .OrderBy(c => c.candidate.Group, StringComparer.Ordinal)
            .ThenBy(c => c.candidate.Family.Descriptor.Program, StringComparer.Ordinal)
            .ThenBy(c => c.index)
            .Select(c => c.candidate);

        var groups = new List<ExportGroup>();
        ExportGroup? current = null;
        foreach (var (group, sample, type, family) in ordered)
        {
            if (current is not null && current.Name == group)
            {
                if (current.Type == type && current.SampleName == sample
                    && current.Members[0].LabelNames.AsSpan().SequenceEqual(family.LabelNames))
                {
                    current.Members.Add(family);
                }

                continue;
            }

            current = new ExportGroup(group, sample, type, family);
            groups.Add(current);
        }

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        groups.RemoveAll(g => g.SampleNames.Any(claimed.Contains) || !g.SampleNames.All(claimed.Add));
        return groups;
    }

    private static ExportedFamily? Export(MetricFamily family, MetricDescriptor descriptor, ExpositionOptions options)
    {
        var withProg = options.EmitProgLabel && descriptor.Program is not null;
        var names = new List<string>(descriptor.LabelNames.Count + 1);
        foreach (var label in descriptor.LabelNames)
        {
            if (!PrometheusNames.IsValidLabelName(label)
                || (withProg && label == "prog")
                || (descriptor.Kind == MetricKind.Histogram && label == "le")
                || (descriptor.Kind == MetricKind.Summary && label == "quantile"))
            {
                return null;
            }

            names.Add(label);
        }

        if (withProg)
        {
            names.Add("prog");
        }

        var sorted = names.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return null;
            }
        }

        return new ExportedFamily(family, descriptor, sorted, withProg ? Array.IndexOf(sorted, "prog") : -1);
    }
}
