using LogMetrics.Cli.Web;
using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;
using LogMetrics.Runtime;
using LogMetrics.Runtime.Execution;
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

    /// <summary>How programs are compiled and run, for the status page's explain box.</summary>
    public required EngineOptions EngineOptions { get; init; }

    public required WebConfigProvider WebConfig { get; init; }

    /// <summary>prometheus-net's registry: process, runtime, HTTP and output metrics.</summary>
    public required OwnMetrics OwnMetrics { get; init; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public volatile Tailer? Tailer;

    /// <summary>Set once the programs were loaded and the tailer started; cleared when stopping.</summary>
    public volatile bool Started;

    public IReadOnlyList<SourceStatus> Sources => Tailer?.Sources ?? [];

    /// <summary>
    /// Null when ready: started, at least one program loaded, and every --logs entry followed or waiting in a
    /// watched directory. Else why not, for /-/ready.
    /// </summary>
    public string? NotReadyBecause()
    {
        if (!Started || Tailer is not { } tailer)
        {
            return "programs or logs are still being opened";
        }

        if (Engine.Programs.Count == 0)
        {
            return $"no program is loaded from {Programs.Path} (see / for errors)";
        }

        var unserved = tailer.Specs.Where(s => !s.Served).Select(s => s.Source).ToList();
        return unserved.Count == 0
            ? null
            : $"--logs {string.Join(", ", unserved)}: neither followed nor watched (a directory is missing or a file cannot be opened)";
    }
}
