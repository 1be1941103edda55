using LogMetrics.Tailing.Globs;

namespace LogMetrics.Tailing;

/// <summary>One entry of <see cref="TailOptions.Sources"/>: a glob, stdin, or a listener URL.</summary>
internal sealed record SourceSpec(SourceKind Kind, string Text, GlobPattern? Glob)
{
    public static SourceSpec Parse(string text, string currentDirectory)
    {
        if (text is "-" or "/dev/stdin")
        {
            return new SourceSpec(SourceKind.Stdin, "-", null);
        }

        foreach (var (prefix, kind) in new[] { ("unix://", SourceKind.Unix), ("tcp://", SourceKind.Tcp), ("udp://", SourceKind.Udp) })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return new SourceSpec(kind, text, null);
            }
        }

        var path = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? text["file://".Length..] : text;
        return new SourceSpec(SourceKind.Files, text, GlobPattern.Parse(path, currentDirectory));
    }
}
