using LogMetrics.Cli.Outputs.RemoteWrite;

namespace LogMetrics.Cli.Outputs;

/// <summary>The outputs besides /metrics that `logmetrics run` was asked for.</summary>
internal sealed record OutputSettings
{
    public string? Textfile { get; init; }

    public TimeSpan TextfileInterval { get; init; } = TimeSpan.FromSeconds(15);

    public RemoteWriteSettings? RemoteWrite { get; init; }
}
