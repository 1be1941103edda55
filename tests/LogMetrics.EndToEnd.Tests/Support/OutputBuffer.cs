using System.Text;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The tail of a child's stdout and stderr, interleaved, for failure messages.</summary>
internal sealed class OutputBuffer
{
    private const int MaxChars = 256 * 1024;
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.Append(line).Append('\n');
            if (_text.Length > MaxChars)
            {
                _text.Remove(0, _text.Length - MaxChars / 2);
            }
        }
    }

    public string Tail(int maxChars = 8 * 1024)
    {
        lock (_gate)
        {
            var start = Math.Max(0, _text.Length - maxChars);
            return _text.ToString(start, _text.Length - start);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
