namespace LogMetrics.Lines;

/// <summary>
/// A bounded first-in first-out queue of batches between two threads. A full queue blocks the producer until the
/// consumer has taken half of it, so a fast reader and a slow program trade one wake-up per half queue instead of
/// one per batch; waiting blocks without spinning (BlockingCollection's spin-then-yield waits took a quarter of
/// both cores' time in a one-shot run with the queue full).
/// </summary>
public sealed class LineBatchQueue
{
    private readonly Queue<LineBatch> _items;
    private readonly int _capacity;
    private readonly int _resumeAt;
    private readonly object _gate = new();
    private bool _completed;
    private int _producersWaiting;
    private int _consumersWaiting;

    public LineBatchQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _resumeAt = capacity / 2;
        _items = new Queue<LineBatch>(capacity);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Adds a batch, blocking while the queue is full.</summary>
    /// <exception cref="InvalidOperationException">Adding was completed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled while waiting.</exception>
    public void Add(LineBatch batch, CancellationToken ct = default)
    {
        lock (_gate)
        {
            while (_items.Count >= _capacity && !_completed)
            {
                ct.ThrowIfCancellationRequested();
                _producersWaiting++;
                try
                {
                    // The timeout only bounds how late a cancellation is noticed.
                    Monitor.Wait(_gate, 100);
                }
                finally
                {
                    _producersWaiting--;
                }
            }

            if (_completed)
            {
                throw new InvalidOperationException("The queue no longer accepts batches.");
            }

            _items.Enqueue(batch);
            if (_consumersWaiting > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Takes the oldest batch, blocking while the queue is empty; false once it is empty and completed.</summary>
    public bool TryTake(out LineBatch batch)
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    batch = null!;
                    return false;
                }

                _consumersWaiting++;
                try
                {
                    Monitor.Wait(_gate);
                }
                finally
                {
                    _consumersWaiting--;
                }
            }

            batch = _items.Dequeue();
            if (_producersWaiting > 0 && _items.Count <= _resumeAt)
            {
                Monitor.PulseAll(_gate);
            }

            return true;
        }
    }

    /// <summary>Refuses further batches; consumers drain what is queued and then see the end.</summary>
    public void CompleteAdding()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
