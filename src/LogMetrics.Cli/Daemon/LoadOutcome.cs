namespace LogMetrics.Cli.Daemon;

/// <summary>What loading one program file did.</summary>
internal enum LoadOutcome
{
    Loaded,
    Unchanged,
    Failed,
}
