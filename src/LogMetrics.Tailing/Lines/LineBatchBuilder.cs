using System.Text;
using LogMetrics.Lines;

namespace LogMetrics.Tailing.Lines;

/// <summary>Collects decoded lines (Docker, CRI) or records into one <see cref="LineBatch"/>, with their source offsets when tracked.</summary>
internal sealed class LineBatchBuilder(bool trackOffsets = false)
{
    private readonly StringBuilder _text = new();
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private long[]? _startOffsets = trackOffsets ? new long[16] : null;
    private long[]? _endOffsets = trackOffsets ? new long[16] : null;

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> line, long startOffset = 0, long endOffset = 0)
    {
        Grow();
        _starts[Count] = _text.Length;
        _lengths[Count] = line.Length;
        _text.Append(line);
        SetOffsets(startOffset, endOffset);
        Count++;
    }

    public void Add(StringBuilder line, long startOffset = 0, long endOffset = 0)
    {
        Grow();
        _starts[Count] = _text.Length;
        _lengths[Count] = line.Length;
        _text.Append(line);
        SetOffsets(startOffset, endOffset);
        Count++;
    }

    public LineBatch Build(string source, long readTimeMs) => new(source, _text.ToString(), _starts, _lengths, Count, readTimeMs)
    {
        StartOffsets = _startOffsets,
        EndOffsets = _endOffsets,
    };

    private void Grow()
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            if (_startOffsets is not null)
            {
                Array.Resize(ref _startOffsets, Count * 2);
                Array.Resize(ref _endOffsets, Count * 2);
            }
        }
    }

    private void SetOffsets(long startOffset, long endOffset)
    {
        if (_startOffsets is not null)
        {
            _startOffsets[Count] = startOffset;
            _endOffsets![Count] = endOffset;
        }
    }
}
