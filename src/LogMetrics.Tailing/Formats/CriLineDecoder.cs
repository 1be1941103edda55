using LogMetrics.Lines;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// Kubernetes CRI lines, "2016-10-06T00:17:09.669794202Z stdout F message": tag P marks a partial line,
/// joined per stream until the next F.
/// </summary>
internal sealed class CriLineDecoder(ILineSink next, SourceCounters counters, int maxLineChars)
    : JoiningLineDecoder(next, counters, maxLineChars)
{
    protected override bool TryDecode(ReadOnlySpan<char> line, out ReadOnlySpan<char> stream, out ReadOnlySpan<char> text, out bool complete)
    {
        stream = default;
        text = default;
        complete = false;
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
        text = sp3 < 0 ? ReadOnlySpan<char>.Empty : rest[(sp3 + 1)..];

        // The tag may carry more flags after ':' in future CRI versions; the first one is P or F.
        var colon = tag.IndexOf(':');
        var kind = colon < 0 ? tag : tag[..colon];
        if (kind.SequenceEqual("F"))
        {
            complete = true;
            return true;
        }

        return kind.SequenceEqual("P");
    }
}
