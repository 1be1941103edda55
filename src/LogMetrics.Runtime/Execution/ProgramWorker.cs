using LogMetrics.Lines;

namespace LogMetrics.Runtime.Execution;

/// <summary>A program's thread: takes batches from a bounded queue, in order, and runs them.</summary>
internal sealed class ProgramWorker : IDisposable
{
    // A batch is ~64 KB of text; a long queue only holds batches long enough to be promoted out of gen0, which grew
    // the heap to ~200 MB on a one-shot run with a 256-batch bound. 8 batches still absorb the reader's bursts.
    private const int QueueBatches = 8;

    private readonly LineBatchQueue _queue = new(QueueBatches);
    private readonly Action<LineBatch> _run;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private long _pending;

    public ProgramWorker(string name, Action<LineBatch> run)
    {
        _run = run;
        _thread = new Thread(Loop) { IsBackground = true, Name = "program " + name };
        _thread.Start();
    }

    public void Enqueue(LineBatch batch)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            _queue.Add(batch);
        }
        catch (InvalidOperationException)
        {
            Completed();
        }
    }

    public void Drain()
    {
        lock (_gate)
        {
            while (Interlocked.Read(ref _pending) > 0)
            {
                Monitor.Wait(_gate, 100);
            }
        }
    }

    private void Completed()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Loop()
    {
        while (_queue.TryTake(out var batch))
        {
            try
            {
                _run(batch);
            }
            catch (Exception)
            {
                // The program's own errors are handled per line; nothing may kill the worker.
            }
            finally
            {
                Completed();
            }
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
    }
}
