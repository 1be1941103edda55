using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Tests.Support;

/// <summary>An engine with one program, run inline, with a fixed read time.</summary>
internal sealed class EngineHarness : IDisposable
{
    public const long ReadTimeMs = 1_700_000_000_000;

    public EngineHarness(string programName, string programText, EngineOptions? options = null)
    {
        Store = new MetricStore();
        Engine = new Engine(Store, (options ?? new EngineOptions()) with { Parallel = false });
        Engine.RuntimeError += e => Errors.Add(e);
        Load = Engine.Load(programName, programText);
        ProgramName = programName;
    }

    public MetricStore Store { get; }

    public Engine Engine { get; }

    public ProgramLoadResult Load { get; }

    public string ProgramName { get; }

    public List<RuntimeErrorEventArgs> Errors { get; } = [];

    public void Feed(string source, IEnumerable<string> lines)
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        var lengths = new List<int>();
        foreach (var line in lines)
        {
            starts.Add(text.Length);
            lengths.Add(line.Length);
            text.Append(line).Append('\n');
        }

        Engine.OnLines(new LineBatch(source, text.ToString(), starts.ToArray(), lengths.ToArray(), starts.Count, ReadTimeMs));
        Engine.Drain();
    }

    public void FeedFile(string path)
    {
        var lines = File.ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        Feed(path, lines);
    }

    public MetricFamily? Family(string name) =>
        Store.Snapshot().FirstOrDefault(f => f.Descriptor.Program == ProgramName && (f.Descriptor.Name == name || f.Descriptor.ExportName == name));

    public Series? Series(string name, params string[] labelValues) =>
        Family(name)?.SnapshotSeries().FirstOrDefault(s => s.LabelValues.SequenceEqual(labelValues));

    /// <summary>The value of a series as text: Int, Float (Go %g-ish via R) or String; null when absent.</summary>
    public string? Value(string name, params string[] labelValues)
    {
        var family = Family(name);
        var series = Series(name, labelValues);
        if (family is null || series is null)
        {
            return null;
        }

        return family.Descriptor.ValueType switch
        {
            MetricValueType.Int => series.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MetricValueType.Float => series.FloatValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            MetricValueType.String => series.TextValue,
            _ => "histogram",
        };
    }

    public void Dispose() => Engine.Dispose();
}
