namespace LogMetrics.Metrics;

/// <summary>The series of a family by key, with the span lookup that finds one without allocating.</summary>
internal sealed class SeriesTable
{
    public SeriesTable(Dictionary<string, Series> series)
    {
        Series = series;
        Lookup = series.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SeriesTable()
        : this(new Dictionary<string, Series>(StringComparer.Ordinal))
    {
    }

    public Dictionary<string, Series> Series { get; }

    public Dictionary<string, Series>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    /// <summary>A copy, for changes made by a thread other than the family's writer.</summary>
    public SeriesTable Copy() => new(new Dictionary<string, Series>(Series, StringComparer.Ordinal));
}
