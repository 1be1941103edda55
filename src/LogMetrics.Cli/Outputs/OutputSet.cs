using System.Security.Cryptography;
using LogMetrics.Cli.Outputs.RemoteWrite;
using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;
using Prometheus;
using ILogger = Serilog.ILogger;

namespace LogMetrics.Cli.Outputs;

/// <summary>The daemon's outputs besides /metrics, started once the logs are open and finished after the last line.</summary>
internal sealed class OutputSet : IDisposable
{
    private readonly List<IOutput> _outputs;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    private OutputSet(List<IOutput> outputs) => _outputs = outputs;

    public int Count => _outputs.Count;

    /// <summary>Throws <see cref="OutputException"/> when a TLS file cannot be loaded.</summary>
    public static OutputSet Create(OutputSettings settings, ExpositionOptions exposition, Func<IReadOnlyList<MetricFamily>> snapshot, ILogger log, IMetricFactory metrics)
    {
        var outputs = new List<IOutput>();
        if (settings.Textfile is not null)
        {
            outputs.Add(new TextfileOutput(settings.Textfile, settings.TextfileInterval, exposition, snapshot, log, metrics));
        }

        if (settings.RemoteWrite is { } remote)
        {
            var remoteMetrics = new RemoteWriteMetrics(metrics);
            var senders = new List<RemoteWriteSender>();
            foreach (var url in remote.Urls)
            {
                RemoteWriteClient client;
                try
                {
                    client = RemoteWriteClient.Create(url, remote);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
                {
                    senders.ForEach(s => s.Dispose());
                    throw new OutputException($"remote write to {RemoteWriteClient.Describe(url)}: cannot load the TLS files: {e.Message}");
                }

                senders.Add(new RemoteWriteSender(url, remote, client, remoteMetrics, log));
            }

            outputs.Add(new RemoteWriteOutput(remote, exposition, snapshot, senders, log));
        }

        return new OutputSet(outputs);
    }

    public void Start()
    {
        foreach (var output in _outputs)
        {
            _running.Add(Task.Run(() => output.RunAsync(_stop.Token)));
        }
    }

    /// <summary>Stops the schedules, then lets each output write or send the final values within the budget.</summary>
    public async Task FinishAsync(TimeSpan budget)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).ConfigureAwait(false);
        await Task.WhenAll(_outputs.Select(o => o.FinishAsync(budget))).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var output in _outputs.OfType<IDisposable>())
        {
            output.Dispose();
        }

        _stop.Dispose();
    }
}

/// <summary>An output cannot start; the message says which and why.</summary>
internal sealed class OutputException(string message) : Exception(message);
