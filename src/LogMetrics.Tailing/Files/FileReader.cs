using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;
using Microsoft.Win32.SafeHandles;

namespace LogMetrics.Tailing.Files;

/// <summary>One open file (one inode) and its read position; the path it was opened by may since name another file.</summary>
internal sealed class FileReader : IDisposable
{
    internal const int ChunkBytes = 128 * 1024;
    internal const int FingerprintBytes = 1024;

    private readonly SafeFileHandle _handle;
    private readonly LineSplitter _splitter;
    private readonly SourcePipeline _pipeline;
    private readonly SourceCounters _counters;
    private readonly byte[] _head = new byte[FingerprintBytes];

    public FileReader(SafeFileHandle handle, StatInfo stat, long offset, LineSplitter splitter, SourcePipeline pipeline, SourceCounters counters)
    {
        _handle = handle;
        Identity = stat.Identity;
        Length = stat.Size;
        ReadOffset = offset;
        _splitter = splitter;
        _pipeline = pipeline;
        _counters = counters;
        if (pipeline.HoldsLines)
        {
            splitter.TrackOffsets(offset);
        }

        LastGrowth = Environment.TickCount64;
    }

    public FileIdentity Identity { get; }

    /// <summary>Bytes consumed from the file.</summary>
    public long ReadOffset { get; private set; }

    /// <summary>
    /// Where a restart resumes: the end of the last complete line handed on, or the start of the oldest line a
    /// stage still holds (a multiline record or a container partial line), so a record is never split or counted twice.
    /// </summary>
    public long CommittedOffset => _pipeline.HeldFrom ?? ReadOffset - _splitter.PendingInputBytes;

    public long Length { get; private set; }

    /// <summary>Environment.TickCount64 when the file last grew.</summary>
    public long LastGrowth { get; private set; }

    /// <summary>Whether the file was unlinked (no directory entry names it any more).</summary>
    public bool Unlinked { get; private set; }

    public string? Fingerprint { get; private set; }

    public int FingerprintLength { get; private set; }

    public static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Hash of the first <paramref name="length"/> bytes, or null when the file is shorter.</summary>
    public static string? ComputeFingerprint(SafeFileHandle handle, int length)
    {
        Span<byte> head = stackalloc byte[FingerprintBytes];
        head = head[..length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, head[read..], read);
            if (n <= 0)
            {
                return null;
            }

            read += n;
        }

        return Convert.ToHexString(Sha256.HashData(head)[..16]);
    }

    /// <summary>Where to start reading to be at the end: after the last newline, so a line being written is read whole.</summary>
    public static long AlignedEnd(SafeFileHandle handle, long size, out bool midLine)
    {
        midLine = false;
        if (size == 0)
        {
            return 0;
        }

        var window = (int)Math.Min(size, 64 * 1024);
        var buffer = new byte[window];
        var n = RandomAccess.Read(handle, buffer, size - window);
        var nl = buffer.AsSpan(0, n).LastIndexOf((byte)'\n');
        if (nl >= 0)
        {
            return size - window + nl + 1;
        }

        if (size <= window)
        {
            return 0;
        }

        midLine = true;
        return size;
    }

    public void SkipToNextLine() => _splitter.SkipToNextLine();

    /// <summary>Restarts the grace period: the file was just rotated away or found rotated.</summary>
    public void Touch() => LastGrowth = Environment.TickCount64;

    /// <summary>Refreshes the length and whether the file is still linked.</summary>
    public void Refresh()
    {
        if (NativeMethods.TryFStat(_handle, out var stat))
        {
            Length = stat.Size;
            Unlinked = stat.Links == 0;
        }
    }

    /// <summary>
    /// Refreshes the length; true when the file was truncated since it was last read: it is shorter than the read
    /// offset or than the bytes fingerprinted, or its first bytes are no longer the ones fingerprinted. Size alone
    /// misses a truncation followed by a write past the old offset before this check (copytruncate, then a burst).
    /// </summary>
    public bool CheckTruncated()
    {
        Refresh();
        if (Length < ReadOffset || Length < FingerprintLength)
        {
            return true;
        }

        return FingerprintLength > 0 && !HeadUnchanged(FingerprintLength);
    }

    /// <summary>Reads and hands on everything up to EOF; returns the bytes read.</summary>
    public long ReadAvailable(CancellationToken ct)
    {
        Refresh();
        if (Length <= ReadOffset)
        {
            return 0;
        }

        long total = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var memory = _splitter.GetWriteMemory();
                var n = RandomAccess.Read(_handle, memory.Span[..Math.Min(memory.Length, ChunkBytes)], ReadOffset);
                if (n <= 0)
                {
                    break;
                }

                ReadOffset += n;
                total += n;
                _counters.AddBytes(n);
                _splitter.Commit(n, _pipeline.Head);
            }
        }
        finally
        {
            _splitter.Release();
        }

        Length = Math.Max(Length, ReadOffset);
        if (total > 0)
        {
            LastGrowth = Environment.TickCount64;
        }

        return total;
    }

    /// <summary>Starts over at byte 0 after a truncation, handing on the partial line and held records first.</summary>
    public void Rewind()
    {
        Flush();
        _splitter.Reposition(0);
        ReadOffset = 0;
        Fingerprint = null;
        FingerprintLength = 0;
    }

    /// <summary>Hands on the partial line and what stages hold (the file is done: deleted or rotated away).</summary>
    public void Flush()
    {
        _splitter.Flush(_pipeline.Head);
        _splitter.Release();
        _pipeline.Flush();
    }

    /// <summary>Hands on what stages hold (records, container partial lines), but not the splitter's partial line.</summary>
    public void FlushHeld() => _pipeline.Flush();

    /// <summary>Hands on multiline records that have waited their flush timeout for another line.</summary>
    public void FlushIdle() => _pipeline.FlushIdle();

    /// <summary>
    /// Keeps the fingerprint current while the file is shorter than the fingerprint window. The bytes already
    /// fingerprinted must still be there: a fingerprint never grows over the content of a rewritten file.
    /// </summary>
    public void UpdateFingerprint()
    {
        if (FingerprintLength >= FingerprintBytes || Length <= FingerprintLength)
        {
            return;
        }

        var length = (int)Math.Min(Length, FingerprintBytes);
        Span<byte> head = stackalloc byte[FingerprintBytes];
        head = head[..length];
        if (!ReadHead(head) || !head[..FingerprintLength].SequenceEqual(_head.AsSpan(0, FingerprintLength)))
        {
            return;
        }

        head.CopyTo(_head);
        Fingerprint = Convert.ToHexString(Sha256.HashData(head)[..16]);
        FingerprintLength = length;
    }

    public void Dispose() => _handle.Dispose();

    private bool HeadUnchanged(int length)
    {
        Span<byte> head = stackalloc byte[FingerprintBytes];
        head = head[..length];
        return ReadHead(head) && head.SequenceEqual(_head.AsSpan(0, length));
    }

    private bool ReadHead(Span<byte> head)
    {
        var read = 0;
        while (read < head.Length)
        {
            var n = RandomAccess.Read(_handle, head[read..], read);
            if (n <= 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
