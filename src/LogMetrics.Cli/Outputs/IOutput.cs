namespace LogMetrics.Cli.Outputs;

/// <summary>An output other than /metrics: reads the store's snapshot on its own schedule.</summary>
internal interface IOutput
{
    /// <summary>Runs until <paramref name="stop"/> is cancelled.</summary>
    Task RunAsync(CancellationToken stop);

    /// <summary>After the last lines are counted: writes or sends the final values within <paramref name="budget"/>.</summary>
    Task FinishAsync(TimeSpan budget);
}
