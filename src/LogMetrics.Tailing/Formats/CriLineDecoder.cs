using System.Text;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// Kubernetes CRI lines, "2016-10-06T00:17:09.669794202Z stdout F message": tag P marks a partial line,
/// joined per stream until the next F.
/// </summary>
internal sealed class CriLineDecoder(ILineSink next, SourceCounters counters, int maxLineChars) : ILineSink
{
    private readonly Dictionary<string, StringBuilder> _partials = new(StringComparer.Ordinal);

    public void OnLines(LineBatch batch)
    {
        var builder = new LineBatchBuilder();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!TryParse(batch.Line(i), out var stream, out var full, out var message))
            {
                counters.AddDecodeError();
                continue;
            }

            var key = stream.ToString();
            _partials.TryGetValue(key, out var partial);
            if (!full)
            {
                if (partial is null)
                {
                    partial = new StringBuilder();
                    _partials[key] = partial;
                }

                Append(partial, message);
                continue;
            }

            if (partial is { Length: > 0 })
            {
                Append(partial, message);
                builder.Add(partial.ToString());
                partial.Clear();
            }
            else
            {
                builder.Add(message);
            }
        }

        if (builder.Count > 0)
        {
            next.OnLines(builder.Build(batch.Source, batch.ReadTimeMs));
        }
    }

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

    internal static bool TryParse(ReadOnlySpan<char> line, out ReadOnlySpan<char> stream, out bool full, out ReadOnlySpan<char> message)
    {
        stream = default;
        message = default;
        full = false;
        var sp1 = line.IndexOf(' ');
        if (sp1 <= 0)
        {
            return false;
        }

        var rest = line[(sp1 + 1)..];
        var sp2 = rest.IndexOf(' ');
        if (sp2 <= 0)
        {
            return false;
        }

        stream = rest[..sp2];
        rest = rest[(sp2 + 1)..];
        var sp3 = rest.IndexOf(' ');
        var tag = sp3 < 0 ? rest : rest[..sp3];
        message = sp3 < 0 ? ReadOnlySpan<char>.Empty : rest[(sp3 + 1)..];

        // The tag may carry more flags after ':' in future CRI versions; the first one is P or F.
        var colon = tag.IndexOf(':');
        var kind = colon < 0 ? tag : tag[..colon];
        if (kind.SequenceEqual("F"))
        {
            full = true;
            return true;
        }

        return kind.SequenceEqual("P");
    }
}
