namespace LogMetrics.Cli.Logging;

/// <summary>How LogMetrics writes its own log.</summary>
internal enum LogOutputFormat
{
    Text,
    Json,
}
