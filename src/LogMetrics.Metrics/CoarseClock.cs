namespace LogMetrics.Metrics;

/// <summary>A cheap monotonic millisecond clock for "when was this series last updated".</summary>
internal static class CoarseClock
{
    public static long NowTicks => Environment.TickCount64;

    /// <summary>The tick count that corresponds to a wall-clock time, so that callers can pass a time of their own.</summary>
    public static long TicksAt(DateTimeOffset time)
    {
        var offset = (time - DateTimeOffset.UtcNow).TotalMilliseconds;
        offset = Math.Clamp(offset, long.MinValue / 4, long.MaxValue / 4);
        return NowTicks + (long)offset;
    }
}
