using LogMetrics.Cli.Outputs.RemoteWrite;

namespace LogMetrics.Cli.Tests.Outputs.RemoteWrite;

public sealed class RemoteWriteQueueTests
{
    [Fact]
    public void Keeps_batches_in_order_until_taken()
    {
        var queue = new RemoteWriteQueue(100);
        Assert.Equal(0, queue.Enqueue(Batch(10, 1)));
        Assert.Equal(0, queue.Enqueue(Batch(20, 2)));
        Assert.Equal(30, queue.Samples);

        Assert.True(queue.TryDequeue(out var first));
        Assert.Equal(1, first.TimestampMs);
        Assert.True(queue.TryDequeue(out var second));
        Assert.Equal(2, second.TimestampMs);
        Assert.False(queue.TryDequeue(out _));
        Assert.Equal(0, queue.Samples);
    }

    [Fact]
    public void Beyond_its_capacity_drops_the_oldest_batches_and_says_how_many_samples()
    {
        var queue = new RemoteWriteQueue(25);
        queue.Enqueue(Batch(10, 1));
        queue.Enqueue(Batch(10, 2));

        Assert.Equal(10, queue.Enqueue(Batch(10, 3)));
        Assert.Equal(20, queue.Samples);
        Assert.Equal(20, queue.Enqueue(Batch(25, 4)));
        Assert.Equal(25, queue.Samples);
        Assert.True(queue.TryDequeue(out var left));
        Assert.Equal(4, left.TimestampMs);
    }

    [Fact]
    public void A_batch_larger_than_the_capacity_is_kept_alone_rather_than_lost()
    {
        var queue = new RemoteWriteQueue(5);
        queue.Enqueue(Batch(3, 1));
        Assert.Equal(3, queue.Enqueue(Batch(8, 2)));
        Assert.Equal(8, queue.Samples);
    }

    [Fact]
    public async Task A_waiting_sender_gets_the_next_batch_and_skips_dropped_ones()
    {
        var queue = new RemoteWriteQueue(10);
        var waiting = queue.DequeueAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        queue.Enqueue(Batch(10, 1));
        Assert.Equal(1, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).TimestampMs);

        queue.Enqueue(Batch(10, 2));
        queue.Enqueue(Batch(10, 3));
        Assert.Equal(3, (await queue.DequeueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).TimestampMs);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.DequeueAsync(cancel.Token));
    }

    private static RemoteWriteBatch Batch(int samples, long timestamp) => new([], samples, timestamp);
}
