namespace LogMetrics.Tailing;

/// <summary>One --logs entry as the tailer serves it: how many files it follows, and whether its directory is watched.</summary>
/// <param name="Source">The entry as given.</param>
/// <param name="Following">Files matching the entry that are open now.</param>
/// <param name="Unopened">Files matching the entry that exist but could not be opened.</param>
/// <param name="Watched">The entry's directory exists, so a file that appears there is picked up.</param>
public sealed record SpecStatus(string Source, int Following, int Unopened, bool Watched)
{
    /// <summary>Followed, or waiting for a file in a watched directory, with no matching file left unopened.</summary>
    public bool Served => Unopened == 0 && (Following > 0 || Watched);
}
