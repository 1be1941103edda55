namespace LogMetrics.Tailing;

/// <summary>A followed source: counters since start.</summary>
public sealed record SourceStatus(
    string Name,
    long Offset,
    long Size,
    long LinesRead,
    long BytesRead,
    long Rotations,
    long Truncations,
    long OpenErrors,
    long LinesTooLong)
{
    /// <summary>Bytes written but not yet read.</summary>
    public long LagBytes => Math.Max(0, Size - Offset);

    /// <summary>Docker or CRI lines that could not be decoded and were skipped.</summary>
    public long DecodeErrors { get; init; }

    /// <summary>Multiline records handed on in pieces because they reached the rule's max_lines or max_bytes.</summary>
    public long RecordsCut { get; init; }

    /// <summary>Lines on which a multiline regex timed out (taken as not matching).</summary>
    public long MultilineTimeouts { get; init; }
}
