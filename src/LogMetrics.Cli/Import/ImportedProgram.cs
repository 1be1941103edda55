namespace LogMetrics.Cli.Import;

/// <summary>A generated program: its file name, its text, and for each of its lines the YAML position it came from
/// (so that a compile error in the program is reported at the config's line).</summary>
internal sealed record ImportedProgram(string FileName, string Text, IReadOnlyList<YamlPosition> LineOrigins, string Metric)
{
    /// <summary>For each capture a template reads, the template's position (where a missing capture is reported).</summary>
    public IReadOnlyDictionary<string, YamlPosition> FieldOrigins { get; init; } = new Dictionary<string, YamlPosition>();
}
