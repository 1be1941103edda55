using System.Diagnostics;
using Prometheus;
using ILogger = Serilog.ILogger;

namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>
/// Sends one URL's queue in order, one request at a time: retries a batch with exponential backoff on 5xx, 429 and
/// network errors (the queue keeps filling, bounded, meanwhile), drops it on other 4xx, and counts everything.
/// </summary>
internal sealed class RemoteWriteSender : IDisposable
{
    private readonly RemoteWriteClient _client;
    private readonly RemoteWriteSettings _settings;
    private readonly ILogger _log;
    private readonly string _url;
    private readonly Counter.Child _sent;
    private readonly Counter.Child _failed;
    private readonly Counter.Child _dropped;
    private readonly Counter.Child _retries;
    private readonly Gauge.Child _queued;
    private readonly Gauge.Child _lastSuccess;
    private RemoteWriteBatch? _inFlight;
    private string? _failingSince;

    public RemoteWriteSender(Uri url, RemoteWriteSettings settings, RemoteWriteClient client, RemoteWriteMetrics metrics, ILogger log)
    {
        _client = client;
        _settings = settings;
        _log = log;
        _url = RemoteWriteClient.Describe(url);
        Queue = new RemoteWriteQueue(settings.QueueCapacity);
        _sent = metrics.SamplesSent.WithLabels(_url);
        _failed = metrics.SamplesFailed.WithLabels(_url);
        _dropped = metrics.SamplesDropped.WithLabels(_url);
        _retries = metrics.Retries.WithLabels(_url);
        _queued = metrics.QueueSamples.WithLabels(_url);
        _lastSuccess = metrics.LastSuccess.WithLabels(_url);
        metrics.QueueCapacity.WithLabels(_url).Set(Queue.Capacity);
    }

    public RemoteWriteQueue Queue { get; }

    public void Enqueue(RemoteWriteBatch batch)
    {
        var dropped = Queue.Enqueue(batch);
        if (dropped > 0)
        {
            _dropped.Inc(dropped);
            _log.Warning("Remote write queue for {Url} is full ({Capacity} samples): dropped the oldest {Dropped} samples", _url, Queue.Capacity, dropped);
        }

        UpdateQueued();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                _inFlight = await Queue.DequeueAsync(stop).ConfigureAwait(false);
                UpdateQueued();
                var backoff = _settings.MinBackoff;
                while (!await TrySendAsync(_inFlight, stop).ConfigureAwait(false))
                {
                    _retries.Inc();
                    await Task.Delay(backoff, stop).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _settings.MaxBackoff.Ticks));
                }

                _inFlight = null;
                UpdateQueued();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>At exit: sends what is left until the first failure or the deadline; the rest is dropped and counted.</summary>
    public async Task FlushAsync(TimeSpan budget)
    {
        var stopwatch = Stopwatch.StartNew();
        while (_inFlight is not null || Queue.TryDequeue(out _inFlight))
        {
            var left = budget - stopwatch.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            using var deadline = new CancellationTokenSource(left);
            bool done;
            try
            {
                done = await TrySendAsync(_inFlight!, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                done = false;
            }

            if (!done)
            {
                break;
            }

            _inFlight = null;
        }

        var lost = (_inFlight?.Samples ?? 0) + Queue.Samples;
        while (Queue.TryDequeue(out _))
        {
        }

        _inFlight = null;
        UpdateQueued();
        if (lost > 0)
        {
            _dropped.Inc(lost);
            _log.Warning("Remote write to {Url}: {Samples} samples not sent at exit", _url, lost);
        }
    }

    /// <summary>True when the batch is done with (sent, or dropped for good); false to retry it.</summary>
    private async Task<bool> TrySendAsync(RemoteWriteBatch batch, CancellationToken cancel)
    {
        var (outcome, error) = await _client.SendAsync(batch, cancel).ConfigureAwait(false);
        switch (outcome)
        {
            case SendOutcome.Sent:
                _sent.Inc(batch.Samples);
                _lastSuccess.SetToCurrentTimeUtc();
                if (_failingSince is not null)
                {
                    _log.Information("Remote write to {Url} works again (failing since {Since})", _url, _failingSince);
                    _failingSince = null;
                }

                return true;
            case SendOutcome.Drop:
                _failed.Inc(batch.Samples);
                _log.Warning("Remote write to {Url} refused {Samples} samples, dropped: {Error}", _url, batch.Samples, error);
                return true;
            default:
                if (_failingSince is null)
                {
                    _failingSince = DateTimeOffset.UtcNow.ToString("O");
                    _log.Warning("Remote write to {Url} failed, retrying with backoff: {Error}", _url, error);
                }

                return false;
        }
    }

    private void UpdateQueued() => _queued.Set(Queue.Samples + (_inFlight?.Samples ?? 0));

    public void Dispose() => _client.Dispose();
}
