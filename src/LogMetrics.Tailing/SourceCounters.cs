namespace LogMetrics.Tailing;

/// <summary>Live counters of one source; <see cref="Snapshot"/> turns them into a <see cref="SourceStatus"/>.</summary>
internal sealed class SourceCounters(string name)
{
    private long _offset;
    private long _size;
    private long _linesRead;
    private long _bytesRead;
    private long _rotations;
    private long _truncations;
    private long _openErrors;
    private long _linesTooLong;
    private long _decodeErrors;
    private long _recordsCut;
    private long _multilineTimeouts;

    public string Name { get; } = name;

    public long LinesRead => Interlocked.Read(ref _linesRead);

    public long LinesTooLong => Interlocked.Read(ref _linesTooLong);

    public long DecodeErrors => Interlocked.Read(ref _decodeErrors);

    public long OpenErrors => Interlocked.Read(ref _openErrors);

    public void SetPosition(long offset, long size)
    {
        Volatile.Write(ref _offset, offset);
        Volatile.Write(ref _size, size);
    }

    public void AddLines(long lines) => Interlocked.Add(ref _linesRead, lines);

    public void AddBytes(long bytes) => Interlocked.Add(ref _bytesRead, bytes);

    public void AddRotation() => Interlocked.Increment(ref _rotations);

    public void AddTruncation() => Interlocked.Increment(ref _truncations);

    public void AddOpenError() => Interlocked.Increment(ref _openErrors);

    public void AddLineTooLong() => Interlocked.Increment(ref _linesTooLong);

    public void AddDecodeError() => Interlocked.Increment(ref _decodeErrors);

    public void AddRecordCut() => Interlocked.Increment(ref _recordsCut);

    public void AddMultilineTimeout() => Interlocked.Increment(ref _multilineTimeouts);

    public SourceStatus Snapshot() => new(
        Name,
        Volatile.Read(ref _offset),
        Volatile.Read(ref _size),
        Interlocked.Read(ref _linesRead),
        Interlocked.Read(ref _bytesRead),
        Interlocked.Read(ref _rotations),
        Interlocked.Read(ref _truncations),
        Interlocked.Read(ref _openErrors),
        Interlocked.Read(ref _linesTooLong))
    {
        DecodeErrors = Interlocked.Read(ref _decodeErrors),
        RecordsCut = Interlocked.Read(ref _recordsCut),
        MultilineTimeouts = Interlocked.Read(ref _multilineTimeouts),
    };
}
