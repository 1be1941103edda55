using LogMetrics.Cli.OneShot;
using LogMetrics.Metrics;
using LogMetrics.Tailing;
using Serilog;

namespace LogMetrics.Cli.Daemon;

/// <summary>Logs a warning the first time a metric drops series at --max-series-per-metric, and the first time a file's lines are cut.</summary>
internal sealed class LimitWarnings(ILogger log, int maxLineBytes)
{
    private readonly HashSet<MetricFamily> _families = [];
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);

    public void Check(MetricStore store, IReadOnlyList<SourceStatus> sources)
    {
        foreach (var family in RunReport.Truncated(store))
        {
            if (_families.Add(family))
            {
                log.Warning(
                    "Metric {Metric} of {Program} reached --max-series-per-metric {Limit}: new label sets are dropped (raise the limit, or 0 for none)",
                    family.Descriptor.Name, family.Descriptor.Program, family.MaxSeries);
            }
        }

        foreach (var source in sources)
        {
            if (source.LinesTooLong > 0 && _sources.Add(source.Name))
            {
                log.Warning("{Path}: a line longer than --max-line-bytes {Limit} was cut (counted in logmetrics_log_lines_too_long_total)", source.Name, maxLineBytes);
            }
        }
    }
}
