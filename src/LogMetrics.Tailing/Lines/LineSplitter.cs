using System.Buffers;
using System.Text;
using LogMetrics.Lines;

namespace LogMetrics.Tailing.Lines;

/// <summary>
/// Splits a byte stream into lines at the byte level and decodes each batch of complete lines with one UTF-8 call.
/// The reader writes into <see cref="GetWriteMemory"/> and calls <see cref="Commit"/>; a partial last line waits for its newline.
/// </summary>
/// <remarks>
/// A newline byte is never part of a UTF-8 sequence, and invalid sequences become one U+FFFD each without swallowing
/// the following byte, so the decoded text has its '\n' exactly where the bytes had them.
/// </remarks>
internal sealed class LineSplitter
{
    // Keeps each batch's string (2 bytes a char) below the 85 000-byte large-object threshold, so it dies young in gen0.
    internal const int BatchBytes = 32 * 1024;

    private readonly string _source;
    private readonly int _maxLineBytes;
    private readonly int _chunkBytes;
    private readonly SourceCounters _counters;
    private byte[]? _buffer;
    private int _pending;
    private long _dropped;
    private bool _cutting;
    private bool _skipping;
    private int _lastCount = 64;
    private bool _track;
    private long _streamEnd;
    private long _lastEnd;

    public LineSplitter(string source, int maxLineBytes, int chunkBytes, SourceCounters counters)
    {
        _source = source;
        _maxLineBytes = Math.Max(1, maxLineBytes);
        _chunkBytes = chunkBytes;
        _counters = counters;
    }

    /// <summary>Bytes consumed but not yet part of a line handed on: the partial line, and what was cut from it.</summary>
    public long PendingInputBytes => _pending + _dropped;

    /// <summary>
    /// Gives every line handed on its start and end offsets in the source (<see cref="LineBatch.StartOffsets"/>),
    /// counting from <paramref name="position"/>, the offset of the next byte committed.
    /// </summary>
    public void TrackOffsets(long position)
    {
        _track = true;
        _streamEnd = position;
        _lastEnd = position;
    }

    /// <summary>Starts counting offsets again from <paramref name="position"/> (after a truncation; nothing is pending).</summary>
    public void Reposition(long position)
    {
        _streamEnd = position;
        _lastEnd = position;
    }

    /// <summary>Drops bytes up to and including the next newline: the reader starts in the middle of a line.</summary>
    public void SkipToNextLine()
    {
        if (_pending == 0 && !_cutting)
        {
            _skipping = true;
        }
    }

    /// <summary>Room for at least one chunk after the partial line.</summary>
    public Memory<byte> GetWriteMemory()
    {
        var need = _pending + _chunkBytes;
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(need);
        }
        else if (_buffer.Length < need)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, _buffer.Length * 2));
            _buffer.AsSpan(0, _pending).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsMemory(_pending);
    }

    /// <summary>Gives the buffer back to the pool while no partial line is held (idle sources hold no memory).</summary>
    public void Release()
    {
        if (_buffer is not null && _pending == 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    /// <summary>Takes <paramref name="count"/> bytes written into <see cref="GetWriteMemory"/> and hands complete lines to the sink.</summary>
    public void Commit(int count, ILineSink sink)
    {
        if (count <= 0)
        {
            return;
        }

        var buf = _buffer ?? throw new InvalidOperationException("Commit without GetWriteMemory");
        _streamEnd += count;
        var end = _pending + count;
        var firstCut = false;
        if (_skipping || _cutting)
        {
            var nl = buf.AsSpan(_pending, count).IndexOf((byte)'\n');
            if (nl < 0)
            {
                _dropped += count;
                return;
            }

            if (_skipping)
            {
                var rest = count - nl - 1;
                buf.AsSpan(_pending + nl + 1, rest).CopyTo(buf.AsSpan(_pending));
                end = _pending + rest;
                _skipping = false;
                _lastEnd = _streamEnd - rest;
            }
            else
            {
                // The kept head of the long line is buf[0.._pending); bring its newline right after it.
                buf.AsSpan(_pending + nl, count - nl).CopyTo(buf.AsSpan(_pending));
                end = _pending + count - nl;
                _cutting = false;
                firstCut = true;
            }

            _dropped = 0;
        }

        var scanFrom = _pending;
        var last = buf.AsSpan(scanFrom, end - scanFrom).LastIndexOf((byte)'\n');
        if (last < 0)
        {
            _pending = end;
            LimitPending();
            return;
        }

        last += scanFrom;
        Emit(buf, last + 1, end, firstCut, sink);
        var remaining = end - last - 1;
        if (remaining > 0)
        {
            buf.AsSpan(last + 1, remaining).CopyTo(buf);
        }

        _pending = remaining;
        LimitPending();
    }

    /// <summary>Hands on the partial line as a line (EOF in one-shot, truncation, deletion, socket close).</summary>
    public void Flush(ILineSink sink)
    {
        if (_skipping)
        {
            _skipping = false;
            _dropped = 0;
            return;
        }

        if (_pending == 0 && !_cutting)
        {
            _dropped = 0;
            return;
        }

        GetWriteMemory();
        var buf = _buffer!;
        buf[_pending] = (byte)'\n';
        Emit(buf, _pending + 1, _pending + 1, _cutting, sink);
        _pending = 0;
        _dropped = 0;
        _cutting = false;
    }

    private void LimitPending()
    {
        if (_pending > _maxLineBytes)
        {
            _dropped += _pending - _maxLineBytes;
            _pending = _maxLineBytes;
            _cutting = true;
        }
    }

    // Emits buf[0..end), which ends with '\n', in batches of about BatchBytes; buf[end..dataEnd) are the bytes after it,
    // the last committed, which give each line's end offset when offsets are tracked.
    private void Emit(byte[] buf, int end, int dataEnd, bool firstCut, ILineSink sink)
    {
        var pos = 0;
        while (pos < end)
        {
            var batchStart = pos;
            var write = pos;
            var compacting = false;
            var capacity = Math.Max(16, _lastCount + (_lastCount >> 2));
            var starts = new int[capacity];
            var lengths = new int[capacity];
            var startOffsets = _track ? new long[capacity] : null;
            var endOffsets = _track ? new long[capacity] : null;
            var n = 0;
            while (pos < end && write - batchStart < BatchBytes)
            {
                var nl = buf.AsSpan(pos, end - pos).IndexOf((byte)'\n');
                var len = nl;
                var tooLong = firstCut;
                firstCut = false;
                if (len > _maxLineBytes)
                {
                    len = _maxLineBytes;
                    tooLong = true;
                    compacting = true;
                }

                if (tooLong)
                {
                    _counters.AddLineTooLong();
                }

                if (compacting)
                {
                    // After a cut, later lines move left so the batch stays one contiguous region to decode.
                    if (write != pos)
                    {
                        buf.AsSpan(pos, len).CopyTo(buf.AsSpan(write));
                    }

                    buf[write + len] = (byte)'\n';
                }

                if (n == starts.Length)
                {
                    Array.Resize(ref starts, n * 2);
                    Array.Resize(ref lengths, n * 2);
                    if (_track)
                    {
                        Array.Resize(ref startOffsets, n * 2);
                        Array.Resize(ref endOffsets, n * 2);
                    }
                }

                starts[n] = write - batchStart;
                lengths[n] = len > 0 && buf[write + len - 1] == (byte)'\r' ? len - 1 : len;
                n++;
                write += len + 1;
                pos += nl + 1;
                if (_track)
                {
                    startOffsets![n - 1] = _lastEnd;
                    _lastEnd = _streamEnd - (dataEnd - pos);
                    endOffsets![n - 1] = _lastEnd;
                }
            }

            var byteCount = write - batchStart;
            var text = Encoding.UTF8.GetString(buf, batchStart, byteCount);
            if (text.Length != byteCount)
            {
                // Not pure ASCII: byte offsets are not char offsets, so index the decoded text again.
                Reindex(text, starts, lengths, n);
            }

            _lastCount = n;
            sink.OnLines(new LineBatch(_source, text, starts, lengths, n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
            {
                StartOffsets = startOffsets,
                EndOffsets = endOffsets,
            });
        }
    }

    private static void Reindex(string text, int[] starts, int[] lengths, int count)
    {
        var span = text.AsSpan();
        var p = 0;
        for (var i = 0; i < count; i++)
        {
            var nl = span[p..].IndexOf('\n');
            var len = nl > 0 && span[p + nl - 1] == '\r' ? nl - 1 : nl;
            starts[i] = p;
            lengths[i] = len;
            p += nl + 1;
        }
    }
}
