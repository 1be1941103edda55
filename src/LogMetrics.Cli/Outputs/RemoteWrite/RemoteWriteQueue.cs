namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>
/// The batches waiting for one URL, oldest first, bounded in samples: when a new batch would pass the capacity, the
/// oldest are dropped and their samples returned for counting. The batch being sent is the sender's, not the queue's.
/// </summary>
internal sealed class RemoteWriteQueue(int capacity)
{
    private readonly Queue<RemoteWriteBatch> _batches = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private int _samples;

    public int Capacity { get; } = Math.Max(1, capacity);

    public int Samples
    {
        get
        {
            lock (_lock)
            {
                return _samples;
            }
        }
    }

    /// <summary>Adds the batch; returns how many samples of older batches were dropped to make room.</summary>
    public int Enqueue(RemoteWriteBatch batch)
    {
        var dropped = 0;
        lock (_lock)
        {
            _batches.Enqueue(batch);
            _samples += batch.Samples;
            while (_samples > Capacity && _batches.Count > 1)
            {
                var oldest = _batches.Dequeue();
                _samples -= oldest.Samples;
                dropped += oldest.Samples;
            }
        }

        _available.Release();
        return dropped;
    }

    /// <summary>Waits for the oldest batch and takes it out.</summary>
    public async Task<RemoteWriteBatch> DequeueAsync(CancellationToken cancel)
    {
        while (true)
        {
            await _available.WaitAsync(cancel).ConfigureAwait(false);
            if (TryDequeue(out var batch))
            {
                return batch;
            }
        }
    }

    public bool TryDequeue(out RemoteWriteBatch batch)
    {
        lock (_lock)
        {
            if (_batches.TryDequeue(out batch!))
            {
                _samples -= batch.Samples;
                return true;
            }

            return false;
        }
    }
}
