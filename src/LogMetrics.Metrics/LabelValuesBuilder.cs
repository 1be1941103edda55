namespace LogMetrics.Metrics;

/// <summary>
/// A reusable buffer that holds the label values of one series while the runtime looks it up,
/// so that finding an existing series allocates nothing. Not thread-safe: one per executing thread.
/// </summary>
public sealed class LabelValuesBuilder
{
    /// <summary>Starts a new label set.</summary>
    public void Clear() => throw new NotImplementedException();

    /// <summary>Appends a string value.</summary>
    public void Add(ReadOnlySpan<char> value) => throw new NotImplementedException();

    /// <summary>Appends an integer value, formatted in decimal.</summary>
    public void Add(long value) => throw new NotImplementedException();

    /// <summary>Appends a float value, formatted as Go's %g does (mtail's label formatting).</summary>
    public void Add(double value) => throw new NotImplementedException();

    /// <summary>The number of values appended since <see cref="Clear"/>.</summary>
    public int Count => throw new NotImplementedException();
}
