using LogMetrics.Lines;

namespace LogMetrics.Tailing.Tests.Support;

/// <summary>Keeps every line handed over, with its source, thread-safely.</summary>
internal sealed class CollectingSink : ILineSink
{
    private readonly List<(string Source, string Line)> _lines = [];
    private readonly List<LineBatch> _batches = [];

    public void OnLines(LineBatch batch)
    {
        lock (_lines)
        {
            _batches.Add(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                _lines.Add((batch.Source, batch.Line(i).ToString()));
            }
        }
    }

    public List<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines.Select(l => l.Line)];
            }
        }
    }

    public List<(string Source, string Line)> Entries
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }
    }

    public List<LineBatch> Batches
    {
        get
        {
            lock (_lines)
            {
                return [.. _batches];
            }
        }
    }
}
