namespace LogMetrics.Metrics.Exposition;

/// <summary>One metric family of a text exposition: the families of every program that export the name.</summary>
internal sealed class ExportGroup
{
    public ExportGroup(string name, string sampleName, string type, ExportedFamily first)
    {
        Name = name;
        SampleName = sampleName;
        Type = type;
        Members = [first];
    }

    /// <summary>The name in HELP and TYPE lines.</summary>
    public string Name { get; }

    /// <summary>The name samples start with (OpenMetrics counters add `_total`).</summary>
    public string SampleName { get; }

    /// <summary>`counter`, `gauge`, `histogram` or `summary`.</summary>
    public string Type { get; }

    /// <summary>In program order; the first one's help text is written.</summary>
    public List<ExportedFamily> Members { get; }

    public string? Help
    {
        get
        {
            var descriptor = Members[0].Descriptor;
            return descriptor.Help ?? (descriptor.Source.Length > 0 ? "defined at " + descriptor.Source : null);
        }
    }

    /// <summary>Every sample name the group writes, to keep two groups from writing the same one.</summary>
    public IEnumerable<string> SampleNames =>
        Type switch
        {
            "histogram" => [SampleName + "_bucket", SampleName + "_sum", SampleName + "_count"],
            "summary" => [SampleName, SampleName + "_sum", SampleName + "_count"],
            _ => [SampleName],
        };
}
