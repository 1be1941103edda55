using LogMetrics.Lines;

namespace LogMetrics.Tailing.Lines;

/// <summary>The last link before the user's sink: counts the lines handed over.</summary>
internal sealed class CountingSink(ILineSink next, SourceCounters counters) : ILineSink
{
    public void OnLines(LineBatch batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        next.OnLines(batch);
        counters.AddLines(batch.Count);
    }
}
