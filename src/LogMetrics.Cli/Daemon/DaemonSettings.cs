using LogMetrics.Cli.Commands;
using LogMetrics.Cli.Logging;
using LogMetrics.Cli.Outputs;
using LogMetrics.Tailing;
using Serilog.Events;

namespace LogMetrics.Cli.Daemon;

/// <summary>Everything `logmetrics run` (without --one-shot) was asked to do.</summary>
internal sealed record DaemonSettings
{
    public required string Progs { get; init; }

    public required EngineSettings Engine { get; init; }

    public required TailOptions Tail { get; init; }

    public LogOutputFormat LogFormat { get; init; } = LogOutputFormat.Text;

    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;

    public string Listen { get; init; } = "0.0.0.0:3903";

    public string? WebConfigFile { get; init; }

    public bool WatchProgs { get; init; } = true;

    /// <summary>--textfile and --remote-write.*.</summary>
    public OutputSettings Outputs { get; init; } = new();

    /// <summary>Programs given as text (name to text), e.g. an imported grok_exporter config; then <see cref="Progs"/>
    /// only names their origin and nothing is read from it.</summary>
    public IReadOnlyDictionary<string, string>? InMemoryPrograms { get; init; }

    /// <summary>The webhook input on the HTTP server; null: none.</summary>
    public Webhook.WebhookSettings? Webhook { get; init; }

    /// <summary>How long after the last change in the programs directory a reload starts.</summary>
    public TimeSpan ReloadDebounce { get; init; } = TimeSpan.FromMilliseconds(300);
}
