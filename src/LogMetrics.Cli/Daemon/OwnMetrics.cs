using System.Text;
using LogMetrics.Cli.OneShot;
using Prometheus;
using ExpositionFormat = LogMetrics.Cli.OneShot.ExpositionFormat;
using ILogger = Serilog.ILogger;

namespace LogMetrics.Cli.Daemon;

/// <summary>
/// The daemon's own process, .NET runtime and HTTP server metrics, and the outputs' logmetrics_* metrics, kept by
/// prometheus-net in its default registry and written on /metrics after the store's families. A family the programs
/// already export under the same name wins; the prometheus-net one is left out (and logged once).
/// </summary>
internal sealed class OwnMetrics
{
    private readonly ILogger _log;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private OwnMetrics(ILogger log) => _log = log;

    /// <summary>Where the outputs create their metrics.</summary>
    public IMetricFactory Factory => Prometheus.Metrics.DefaultFactory;

    /// <summary>Configures prometheus-net's default registry; once per process, before anything uses it.</summary>
    public static OwnMetrics Create(ILogger log)
    {
        // process_* and dotnet_* (GC counts, managed heap) from DotNetStats, and the HTTP middleware's http_*. Not the
        // EventCounter and Meter adapters: they repeat the runtime values under names promtool's lint rejects
        // (gauges ending in _count, counters without _total), and cost a listener thread.
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressEventCounters = true,
            SuppressDebugMetrics = true,
            SuppressMeters = true,
        });
        return new OwnMetrics(log);
    }

    /// <summary>Appends the registry's exposition to the store's, in the same format.</summary>
    public async Task AppendAsync(MemoryStream exposition, ExpositionFormat format, CancellationToken cancel)
    {
        var openMetrics = format == ExpositionFormat.OpenMetrics;
        using var own = new MemoryStream();
        await Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(
            own, openMetrics ? Prometheus.ExpositionFormat.OpenMetricsText : Prometheus.ExpositionFormat.PrometheusText, cancel).ConfigureAwait(false);

        var taken = FamilyNames(exposition.GetBuffer().AsSpan(0, (int)exposition.Length));
        if (openMetrics)
        {
            // One `# EOF` at the very end: the store's is dropped, the registry's kept.
            var eof = "# EOF\n"u8;
            if (exposition.GetBuffer().AsSpan(0, (int)exposition.Length).EndsWith(eof))
            {
                exposition.SetLength(exposition.Length - eof.Length);
            }
        }

        exposition.Seek(0, SeekOrigin.End);
        var text = Encoding.UTF8.GetString(own.GetBuffer(), 0, (int)own.Length);
        using var writer = new StreamWriter(exposition, new UTF8Encoding(false), 4096, leaveOpen: true);
        string? family = null;
        var skip = false;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = NameOf(line);
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                if (name != family)
                {
                    family = name;
                    skip = name is not null && taken.Contains(name);
                    if (skip)
                    {
                        ReportHidden(name!);
                    }
                }
            }

            if (!skip || line == "# EOF")
            {
                writer.Write(line);
                writer.Write('\n');
            }
        }
    }

    private void ReportHidden(string name)
    {
        lock (_lock)
        {
            if (_reported.Add(name))
            {
                _log.Warning("A program exports {Metric}, which is also a name of LogMetrics' own metrics; /metrics shows the program's", name);
            }
        }
    }

    /// <summary>The family name of a `# HELP`/`# TYPE` line, or null for other lines.</summary>
    private static string? NameOf(string line)
    {
        if (!line.StartsWith("# HELP ", StringComparison.Ordinal) && !line.StartsWith("# TYPE ", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line.AsSpan(7);
        var end = rest.IndexOf(' ');
        return (end < 0 ? rest : rest[..end]).ToString();
    }

    /// <summary>The names in the `# TYPE` lines of an exposition.</summary>
    private static HashSet<string> FamilyNames(ReadOnlySpan<byte> text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (text.StartsWith("# TYPE "u8))
        {
            AddName(names, text[7..]);
        }

        var marker = "\n# TYPE "u8;
        int at;
        while ((at = text.IndexOf(marker)) >= 0)
        {
            text = text[(at + marker.Length)..];
            AddName(names, text);
        }

        return names;
    }

    private static void AddName(HashSet<string> names, ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOfAny((byte)' ', (byte)'\n');
        if (end > 0)
        {
            names.Add(Encoding.UTF8.GetString(rest[..end]));
        }
    }
}
