namespace LogMetrics.Language.Binding;

/// <summary>A checked program: its metrics, its patterns (by slot) and its code.</summary>
public sealed record BoundProgram(string Name, IReadOnlyList<MetricSymbol> Metrics, IReadOnlyList<BoundPattern> Patterns, BoundBlock Body)
{
    /// <summary>The json and logfmt patterns, by their own slot.</summary>
    public IReadOnlyList<BoundStructuredPattern> StructuredPatterns { get; init; } = [];
}
