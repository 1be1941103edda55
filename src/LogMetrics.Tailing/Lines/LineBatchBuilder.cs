using System.Text;

namespace LogMetrics.Tailing.Lines;

/// <summary>Collects decoded lines (Docker, CRI) into one <see cref="LineBatch"/>.</summary>
internal sealed class LineBatchBuilder
{
    private readonly StringBuilder _text = new();
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> line)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = _text.Length;
        _lengths[Count] = line.Length;
        _text.Append(line);
        Count++;
    }

    public LineBatch Build(string source, long readTimeMs) => new(source, _text.ToString(), _starts, _lengths, Count, readTimeMs);
}
