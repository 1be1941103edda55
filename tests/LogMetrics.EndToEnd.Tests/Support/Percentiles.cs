namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>Nearest-rank percentiles of a small sample.</summary>
internal static class Percentiles
{
    public static TimeSpan Of(IReadOnlyCollection<TimeSpan> samples, double percentile)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
