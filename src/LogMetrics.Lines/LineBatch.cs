namespace LogMetrics.Lines;

/// <summary>
/// Consecutive lines of one source, decoded into one string: line i is Text[Starts[i] .. Starts[i]+Lengths[i]],
/// without its newline (and without a trailing CR). Immutable once handed to a sink.
/// </summary>
public sealed class LineBatch
{
    public LineBatch(string source, string text, int[] starts, int[] lengths, int count, long readTimeMs)
    {
        Source = source;
        Text = text;
        Starts = starts;
        Lengths = lengths;
        Count = count;
        ReadTimeMs = readTimeMs;
    }

    /// <summary>The source name that getfilename() returns: an absolute path, "-" for stdin, or a listener URL.</summary>
    public string Source { get; }

    public string Text { get; }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    public int Count { get; }

    /// <summary>When the lines were read, Unix milliseconds.</summary>
    public long ReadTimeMs { get; }

    /// <summary>
    /// Where each line began in its source's bytes, when a stage downstream of the splitter may hold lines back
    /// (multiline records, container partial lines): what lets the saved offset stay at a record boundary.
    /// </summary>
    internal long[]? StartOffsets { get; init; }

    /// <summary>Where each line ended (after its newline) in its source's bytes; set with <see cref="StartOffsets"/>.</summary>
    internal long[]? EndOffsets { get; init; }

    public ReadOnlySpan<char> Line(int index) => Text.AsSpan(Starts[index], Lengths[index]);

    /// <summary>A batch holding a single line (tests and small sources).</summary>
    public static LineBatch Single(string source, string line, long readTimeMs) =>
        new(source, line, [0], [line.Length], 1, readTimeMs);
}
