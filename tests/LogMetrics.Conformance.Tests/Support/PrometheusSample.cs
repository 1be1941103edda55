namespace LogMetrics.Conformance.Tests.Support;

/// <summary>One sample line: its metric name, labels sorted by name, and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    /// <summary>The identity of the series: name and sorted labels, label values escaped as in the text format.</summary>
    public string Key { get; } = Name + "{" + string.Join(",", Labels.Select(l => $"{l.Key}=\"{Escape(l.Value)}\"")) + "}";

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
