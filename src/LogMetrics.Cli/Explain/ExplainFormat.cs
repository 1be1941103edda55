namespace LogMetrics.Cli.Explain;

internal enum ExplainFormat
{
    Text,
    Json,
}
