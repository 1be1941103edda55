using LogMetrics.Metrics;

namespace LogMetrics.Runtime;

/// <summary>The engine's own families: lines, matches, runtime errors and processing time per program.</summary>
internal sealed class SelfMetrics
{
    private readonly MetricFamily _lines;
    private readonly MetricFamily _matched;
    private readonly MetricFamily _errors;
    private readonly MetricFamily _seconds;
    private readonly MetricFamily _undecoded;
    private readonly object _lock = new();
    private readonly LabelValuesBuilder _labels = new();

    public SelfMetrics(MetricStore store)
    {
        _lines = store.Register(Counter("logmetrics_program_lines_total", "Lines processed by each program."));
        _matched = store.Register(Counter("logmetrics_program_lines_matched_total", "Lines on which a pattern of the program matched."));
        _errors = store.Register(Counter("logmetrics_program_runtime_errors_total", "Runtime errors of each program."));
        _undecoded = store.Register(Counter("logmetrics_program_lines_undecoded_total", "Lines that a json or logfmt pattern of the program could not decode."));
        // The first bound is the lower edge of the first bucket (mtail's histogram semantics).
        var buckets = new List<double> { 0 };
        for (var bound = 0.00001; bound <= 0.1 + 1e-12; bound *= 2.5)
        {
            buckets.Add(bound);
        }

        _seconds = store.Register(new MetricDescriptor
        {
            Name = "logmetrics_program_line_processing_seconds",
            ExportName = "logmetrics_program_line_processing_seconds",
            Kind = MetricKind.Histogram,
            ValueType = MetricValueType.Buckets,
            LabelNames = ["program"],
            Buckets = buckets,
            Help = "Time to process one line, averaged over each batch.",
        });
    }

    private static MetricDescriptor Counter(string name, string help) => new()
    {
        Name = name,
        ExportName = name,
        Kind = MetricKind.Counter,
        ValueType = MetricValueType.Int,
        LabelNames = ["program"],
        Help = help,
    };

    public void Record(string program, long lines, long matched, long errors, double secondsPerLine, long timestampMs)
    {
        // Families are written by one thread at a time; the program workers share these.
        lock (_lock)
        {
            _labels.Clear();
            _labels.Add(program);
            _lines.GetOrAdd(_labels)?.AddInt(lines, timestampMs);
            _matched.GetOrAdd(_labels)?.AddInt(matched, timestampMs);
            _errors.GetOrAdd(_labels)?.AddInt(errors, timestampMs);
            _seconds.GetOrAdd(_labels)?.Observe(secondsPerLine, timestampMs);
        }
    }

    /// <summary>Adds to the program's undecoded lines (only programs with json or logfmt patterns have the series).</summary>
    public void RecordUndecoded(string program, long lines, long timestampMs)
    {
        lock (_lock)
        {
            _labels.Clear();
            _labels.Add(program);
            _undecoded.GetOrAdd(_labels)?.AddInt(lines, timestampMs);
        }
    }

    public void Remove(string program)
    {
        lock (_lock)
        {
            _labels.Clear();
            _labels.Add(program);
            _lines.Remove(_labels);
            _matched.Remove(_labels);
            _errors.Remove(_labels);
            _seconds.Remove(_labels);
            _undecoded.Remove(_labels);
        }
    }
}
