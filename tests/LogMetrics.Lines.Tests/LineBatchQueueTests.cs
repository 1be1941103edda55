namespace LogMetrics.Lines.Tests;

public sealed class LineBatchQueueTests
{
    private static LineBatch Batch(string text) => LineBatch.Single("s", text, 0);

    [Fact]
    public async Task KeepsOrderAndEndsAfterCompletion()
    {
        var queue = new LineBatchQueue(4);
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                queue.Add(Batch(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            queue.CompleteAdding();
        });

        var seen = new List<string>();
        while (queue.TryTake(out var batch))
        {
            seen.Add(batch.Text);
        }

        await producer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public async Task AFullQueueBlocksTheProducerUntilHalfIsTaken()
    {
        var queue = new LineBatchQueue(4);
        for (var i = 0; i < 4; i++)
        {
            queue.Add(Batch("x"));
        }

        var added = Task.Run(() => queue.Add(Batch("y")));
        Assert.NotSame(added, await Task.WhenAny(added, Task.Delay(200)));
        Assert.True(queue.TryTake(out _));
        Assert.True(queue.TryTake(out _));
        await added.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public async Task CancellationStopsAWaitingProducer()
    {
        var queue = new LineBatchQueue(1);
        queue.Add(Batch("x"));
        using var cancel = new CancellationTokenSource();
        var added = Task.Run(() => queue.Add(Batch("y"), cancel.Token));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => added.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AddingAfterCompletionThrows()
    {
        var queue = new LineBatchQueue(2);
        queue.CompleteAdding();
        Assert.Throws<InvalidOperationException>(() => queue.Add(Batch("x")));
        Assert.False(queue.TryTake(out _));
    }
}
