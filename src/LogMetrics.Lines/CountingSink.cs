namespace LogMetrics.Lines;

/// <summary>Passes non-empty batches on, then counts the lines and the characters (plus one newline a line) handed over.</summary>
/// <param name="next">The sink the batches go to.</param>
/// <param name="onLines">Told each batch's line count after it was handed over (a source's own counter), or null.</param>
public sealed class CountingSink(ILineSink next, Action<int>? onLines = null) : ILineSink
{
    private long _lines;
    private long _characters;

    /// <summary>Lines handed over so far.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Characters handed over so far, one newline a line included: the bytes read, for ASCII logs.</summary>
    public long Characters => Interlocked.Read(ref _characters);

    public void OnLines(LineBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        next.OnLines(batch);
        long characters = batch.Count;
        for (var i = 0; i < batch.Count; i++)
        {
            characters += batch.Lengths[i];
        }

        Interlocked.Add(ref _characters, characters);
        Interlocked.Add(ref _lines, batch.Count);
        onLines?.Invoke(batch.Count);
    }
}
