using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;

namespace LogMetrics.Cli.Outputs;

/// <summary>Writes the Prometheus text exposition to a file for node_exporter's textfile collector, atomically: into a
/// temporary file next to it (not ending in .prom, so the collector never reads it half written), then renamed over it.</summary>
internal static class TextfileWriter
{
    /// <summary>Throws IOException or UnauthorizedAccessException when the file cannot be written; the old file stays.</summary>
    public static void Write(string path, IReadOnlyList<MetricFamily> families, ExpositionOptions options)
    {
        var full = Path.GetFullPath(path);
        var temp = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                // The textfile collector refuses samples with timestamps.
                PrometheusTextWriter.Write(stream, families, options with { EmitTimestamps = false });
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed and is reported; a leftover temp file is not read by the collector.
        }
    }
}
