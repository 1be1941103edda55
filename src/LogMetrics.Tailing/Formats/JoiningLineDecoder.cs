using System.Text;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// A container log format whose lines carry a stream name and a piece of text that may be only part of a line:
/// pieces are joined per stream, up to the line limit, until one completes the line.
/// </summary>
internal abstract class JoiningLineDecoder(ILineSink next, SourceCounters counters, int maxLineChars) : ILineSink
{
    private readonly Dictionary<string, StringBuilder> _partials = new(StringComparer.Ordinal);

    public void OnLines(LineBatch batch)
    {
        var partials = _partials.GetAlternateLookup<ReadOnlySpan<char>>();
        var builder = new LineBatchBuilder();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!TryDecode(batch.Line(i), out var stream, out var text, out var complete))
            {
                counters.AddDecodeError();
                continue;
            }

            partials.TryGetValue(stream, out var partial);
            if (!complete)
            {
                if (partial is null)
                {
                    partial = new StringBuilder();
                    partials[stream] = partial;
                }

                Append(partial, text);
                continue;
            }

            if (partial is { Length: > 0 })
            {
                Append(partial, text);
                builder.Add(partial.ToString());
                partial.Clear();
            }
            else
            {
                builder.Add(text);
            }
        }

        if (builder.Count > 0)
        {
            next.OnLines(builder.Build(batch.Source, batch.ReadTimeMs));
        }
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
}
