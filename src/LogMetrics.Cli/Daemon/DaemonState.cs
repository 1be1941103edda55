using LogMetrics.Cli.Web;
using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;
using LogMetrics.Runtime;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.Daemon;

/// <summary>What the HTTP endpoints read; Sources is empty until the tailer has started.</summary>
internal sealed class DaemonState
{
    public required MetricStore Store { get; init; }

    public required Engine Engine { get; init; }

    public required ProgramSet Programs { get; init; }

    public required SelfMetrics SelfMetrics { get; init; }

    public required RateSampler Rates { get; init; }

    public required ExpositionOptions Exposition { get; init; }

    public required WebConfigProvider WebConfig { get; init; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public volatile Tailer? Tailer;

    public volatile bool Ready;

    public IReadOnlyList<SourceStatus> Sources => Tailer?.Sources ?? [];
}
