using System.Text;
using LogMetrics.Lines;
using LogMetrics.Tailing.Lines;
using LogMetrics.Tailing.Records;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// A container log format whose lines carry a stream name and a piece of text that may be only part of a line:
/// pieces are joined per stream, up to the line limit, until one completes the line.
/// </summary>
internal abstract class JoiningLineDecoder(ILineSink next, SourceCounters counters, int maxLineChars) : ILineSink, IHoldingStage
{
    private readonly Dictionary<string, Partial> _partials = new(StringComparer.Ordinal);
    private string _source = "";

    public long? HeldFrom
    {
        get
        {
            long? from = null;
            foreach (var partial in _partials.Values)
            {
                if (partial.Held && (from is null || partial.Start < from))
                {
                    from = partial.Start;
                }
            }

            return from;
        }
    }

    public void OnLines(LineBatch batch)
    {
        _source = batch.Source;
        var track = batch.StartOffsets is not null;
        var partials = _partials.GetAlternateLookup<ReadOnlySpan<char>>();
        var builder = new LineBatchBuilder(track);
        for (var i = 0; i < batch.Count; i++)
        {
            if (!TryDecode(batch.Line(i), out var stream, out var text, out var complete))
            {
                counters.AddDecodeError();
                continue;
            }

            var start = track ? batch.StartOffsets![i] : 0;
            var end = track ? batch.EndOffsets![i] : 0;
            partials.TryGetValue(stream, out var partial);
            if (!complete)
            {
                if (partial is null)
                {
                    partial = new Partial();
                    partials[stream] = partial;
                }

                if (!partial.Held)
                {
                    partial.Held = true;
                    partial.Start = start;
                }

                Append(partial.Text, text);
                partial.End = end;
                continue;
            }

            if (partial is { Held: true })
            {
                Append(partial.Text, text);
                builder.Add(partial.Text, partial.Start, end);
                partial.Clear();
            }
            else
            {
                builder.Add(text, start, end);
            }
        }

        if (builder.Count > 0)
        {
            next.OnLines(builder.Build(batch.Source, batch.ReadTimeMs));
        }
    }

    /// <summary>Hands on the pieces still waiting for their end as lines: the source ended without it.</summary>
    public void Flush()
    {
        var held = _partials.Values.Where(p => p.Held).OrderBy(p => p.Start).ToList();
        if (held.Count == 0)
        {
            return;
        }

        var builder = new LineBatchBuilder(trackOffsets: true);
        foreach (var partial in held)
        {
            builder.Add(partial.Text, partial.Start, partial.End);
            partial.Clear();
        }

        next.OnLines(builder.Build(_source, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    /// <summary>A partial line waits for its end however long it takes: the runtime writes both halves at once.</summary>
    public void FlushIdle(long nowMs)
    {
    }

    /// <summary>Splits one raw line into its stream, its text and whether the text completes a line.</summary>
    protected abstract bool TryDecode(ReadOnlySpan<char> line, out ReadOnlySpan<char> stream, out ReadOnlySpan<char> text, out bool complete);

    private void Append(StringBuilder partial, ReadOnlySpan<char> text)
    {
        var room = maxLineChars - partial.Length;
        if (text.Length > room)
        {
            if (room > 0)
            {
                counters.AddLineTooLong();
            }

            text = text[..Math.Max(0, room)];
        }

        partial.Append(text);
    }

    private sealed class Partial
    {
        public StringBuilder Text { get; } = new();

        public bool Held { get; set; }

        public long Start { get; set; }

        public long End { get; set; }

        public void Clear()
        {
            Text.Clear();
            Held = false;
        }
    }
}
