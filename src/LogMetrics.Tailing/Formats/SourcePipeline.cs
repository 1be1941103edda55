using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Formats;

/// <summary>Builds the chain a source's lines go through: format decoder, then counting, then the user's sink.</summary>
internal static class SourcePipeline
{
    public static ILineSink Build(LogFormat format, ILineSink sink, SourceCounters counters, int maxLineBytes)
    {
        var counting = new CountingSink(sink, counters);
        return format switch
        {
            LogFormat.Docker => new DockerLineDecoder(counting, counters, maxLineBytes),
            LogFormat.Cri => new CriLineDecoder(counting, counters, maxLineBytes),
            _ => counting,
        };
    }
}
