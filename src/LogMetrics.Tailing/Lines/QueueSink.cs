using LogMetrics.Lines;

namespace LogMetrics.Tailing.Lines;

/// <summary>Hands batches to a bounded queue; blocks while the consumer is behind.</summary>
internal sealed class QueueSink(LineBatchQueue queue, CancellationToken ct) : ILineSink
{
    public void OnLines(LineBatch batch) => queue.Add(batch, ct);
}
