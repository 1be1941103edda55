namespace LogMetrics.Metrics;

/// <summary>Orders update counters newest first, so that a bounded priority queue keeps the oldest.</summary>
internal sealed class NewestFirst : IComparer<long>
{
    public static readonly NewestFirst Instance = new();

    public int Compare(long x, long y) => y.CompareTo(x);
}
