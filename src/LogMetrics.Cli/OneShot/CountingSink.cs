using LogMetrics.Lines;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.OneShot;

/// <summary>Passes batches on and counts the characters (plus newlines) seen, for the progress bar.</summary>
internal sealed class CountingSink(ILineSink inner) : ILineSink
{
    private long _bytes;
    private long _lines;

    public long Lines => Interlocked.Read(ref _lines);

    public long Bytes => Interlocked.Read(ref _bytes);

    public void OnLines(LineBatch batch)
    {
        long count = batch.Count;
        for (var i = 0; i < batch.Count; i++)
        {
            count += batch.Lengths[i];
        }

        Interlocked.Add(ref _bytes, count);
        Interlocked.Add(ref _lines, batch.Count);
        inner.OnLines(batch);
    }
}
