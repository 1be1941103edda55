namespace LogMetrics.Cli.Explain;

/// <summary>What `logmetrics explain` was asked: the programs, the log, which lines (all when neither is set) and the output format.</summary>
internal sealed record ExplainRequest(string Programs, string Log, int? Line, string? Grep, ExplainFormat Format)
{
    public bool Chooses(int lineNumber, string line) =>
        Line is { } only ? lineNumber == only
        : Grep is { } text ? line.Contains(text, StringComparison.Ordinal)
        : true;
}
