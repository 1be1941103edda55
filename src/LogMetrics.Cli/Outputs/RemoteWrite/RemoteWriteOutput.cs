using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;
using ILogger = Serilog.ILogger;

namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>
/// `--remote-write.url`: every interval, takes the samples the exposition holds (one timestamp for all), encodes them
/// once into requests of at most MaxSamplesPerSend samples and queues them for every URL's sender.
/// </summary>
internal sealed class RemoteWriteOutput : IOutput, IDisposable
{
    private readonly RemoteWriteSettings _settings;
    private readonly ExpositionOptions _options;
    private readonly Func<IReadOnlyList<MetricFamily>> _snapshot;
    private readonly ILogger _log;
    private readonly IReadOnlyList<RemoteWriteSender> _senders;
    private readonly Lock _collectLock = new();
    private long _lastTimestampMs;

    public RemoteWriteOutput(RemoteWriteSettings settings, ExpositionOptions options, Func<IReadOnlyList<MetricFamily>> snapshot, IReadOnlyList<RemoteWriteSender> senders, ILogger log)
    {
        _settings = settings;
        _options = options;
        _snapshot = snapshot;
        _senders = senders;
        _log = log;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var sending = _senders.Select(s => Task.Run(() => s.RunAsync(stop), CancellationToken.None)).ToList();
        using var timer = new PeriodicTimer(_settings.Interval);
        try
        {
            Collect();
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Collect();
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(sending).ConfigureAwait(false);
    }

    public async Task FinishAsync(TimeSpan budget)
    {
        Collect();
        await Task.WhenAll(_senders.Select(s => s.FlushAsync(budget))).ConfigureAwait(false);
    }

    /// <summary>Takes the samples now and queues them; public for tests.</summary>
    public void Collect()
    {
        lock (_collectLock)
        {
            // Two collections in the same millisecond would send two values at one timestamp, which receivers refuse.
            var now = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastTimestampMs + 1);
            _lastTimestampMs = now;
            List<ExposedSample> samples;
            try
            {
                samples = SampleReader.Read(_snapshot(), _options);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log.Error(e, "Remote write: reading the metrics failed");
                return;
            }

            var series = samples.Select(s => (WithExternalLabels(s.Labels), s.Value)).ToList();
            var size = Math.Max(1, _settings.MaxSamplesPerSend);
            for (var start = 0; start < series.Count; start += size)
            {
                var chunk = series.GetRange(start, Math.Min(size, series.Count - start));
                var batch = new RemoteWriteBatch(WriteRequestEncoder.Encode(chunk, now), chunk.Count, now);
                foreach (var sender in _senders)
                {
                    sender.Enqueue(batch);
                }
            }
        }
    }

    private IReadOnlyList<KeyValuePair<string, string>> WithExternalLabels(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        if (_settings.ExternalLabels.Count == 0)
        {
            return labels;
        }

        var merged = new List<KeyValuePair<string, string>>(labels);
        foreach (var external in _settings.ExternalLabels)
        {
            if (!labels.Any(l => l.Key == external.Key))
            {
                merged.Add(external);
            }
        }

        merged.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return merged;
    }

    public void Dispose()
    {
        foreach (var sender in _senders)
        {
            sender.Dispose();
        }
    }
}
