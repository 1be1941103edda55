using System.Reflection;
using LogMetrics.Metrics;
using LogMetrics.Tailing;

namespace LogMetrics.Cli.Daemon;

/// <summary>
/// The daemon's own logmetrics_* families (per log and per metric), registered in the store with Program = null
/// and refreshed from the tailer and the store before each scrape. The engine registers the per-program ones.
/// </summary>
internal sealed class SelfMetrics
{
    private readonly MetricStore _store;
    private readonly Func<IReadOnlyList<SourceStatus>> _sources;
    private readonly LabelValuesBuilder _labels = new();
    private readonly List<(MetricFamily Family, Func<SourceStatus, long> Value)> _logFamilies = [];
    private readonly Func<IReadOnlyList<ProgramFileState>> _programs;
    private readonly MetricFamily _loads;
    private readonly MetricFamily _loadErrors;
    private readonly MetricFamily _series;
    private readonly MetricFamily _seriesDropped;
    private readonly Dictionary<MetricFamily, HashSet<string[]>> _present = [];
    private readonly Lock _lock = new();

    public SelfMetrics(MetricStore store, Func<IReadOnlyList<SourceStatus>> sources, Func<IReadOnlyList<ProgramFileState>> programs)
    {
        _store = store;
        _sources = sources;
        _programs = programs;
        _loads = Register("logmetrics_program_loads_total", MetricKind.Counter, "Successful loads of a program file's new text (start and reloads).", ["program"]);
        _loadErrors = Register("logmetrics_program_load_errors_total", MetricKind.Counter,
            "Failed loads of a program file (unreadable or compile errors); the previous version keeps running.", ["program"]);
        AddLogFamily("logmetrics_log_lines_total", MetricKind.Counter, "Lines read from the log.", s => s.LinesRead);
        AddLogFamily("logmetrics_log_read_bytes_total", MetricKind.Counter, "Bytes read from the log.", s => s.BytesRead);
        AddLogFamily("logmetrics_log_rotations_total", MetricKind.Counter, "Rotations of the log (a new file at its path).", s => s.Rotations);
        AddLogFamily("logmetrics_log_truncations_total", MetricKind.Counter, "Truncations of the log (copytruncate).", s => s.Truncations);
        AddLogFamily("logmetrics_log_open_errors_total", MetricKind.Counter, "Failed attempts to open the log.", s => s.OpenErrors);
        AddLogFamily("logmetrics_log_lines_too_long_total", MetricKind.Counter, "Lines cut to --max-line-bytes.", s => s.LinesTooLong);
        AddLogFamily("logmetrics_log_records_cut_total", MetricKind.Counter, "Multiline records handed on in pieces at their rule's max_lines or max_bytes.", s => s.RecordsCut);
        AddLogFamily("logmetrics_log_multiline_timeouts_total", MetricKind.Counter, "Lines on which a --multiline regex timed out (taken as not matching).", s => s.MultilineTimeouts);
        AddLogFamily("logmetrics_log_decode_errors_total", MetricKind.Counter, "Docker or CRI lines that could not be decoded and were skipped.", s => s.DecodeErrors);
        AddLogFamily("logmetrics_log_lag_bytes", MetricKind.Gauge, "Bytes written to the log but not read yet.", s => s.LagBytes);
        AddLogFamily("logmetrics_log_offset_bytes", MetricKind.Gauge, "The read position in the log.", s => s.Offset);
        _series = Register("logmetrics_metric_series", MetricKind.Gauge, "Series currently held by a program metric.", ["metric", "program"]);
        _seriesDropped = Register("logmetrics_metric_series_dropped_total", MetricKind.Counter,
            "Label sets of a program metric refused or evicted by limit or --max-series-per-metric.", ["metric", "program"]);
        var buildInfo = Register("logmetrics_build_info", MetricKind.Gauge, "Build information; the value is always 1.", ["version", "runtime"]);
        _labels.Clear();
        _labels.Add(Version);
        _labels.Add(Environment.Version.ToString());
        buildInfo.GetOrAdd(_labels)?.SetInt(1, NowMs());
    }

    public static string Version =>
        typeof(SelfMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Brings the values up to date; called before each scrape.</summary>
    public void Refresh()
    {
        var now = NowMs();
        lock (_lock)
        {
            var sources = _sources();
            foreach (var (family, value) in _logFamilies)
            {
                Update(family, sources.Select(s => (new[] { s.Name }, value(s))), now);
            }

            var programs = _programs();
            Update(_loads, programs.Select(p => (new[] { p.Name }, p.Loads)), now);
            Update(_loadErrors, programs.Select(p => (new[] { p.Name }, p.LoadErrors)), now);
            var programFamilies = _store.Snapshot().Where(f => f.Descriptor.Program is not null).ToList();
            Update(_series, programFamilies.Select(f => (new[] { f.Descriptor.ExportName, f.Descriptor.Program! }, (long)f.SeriesCount)), now);
            Update(_seriesDropped, programFamilies.Select(f => (new[] { f.Descriptor.ExportName, f.Descriptor.Program! }, f.SeriesDropped)), now);
        }
    }

    private void Update(MetricFamily family, IEnumerable<(string[] Labels, long Value)> values, long now)
    {
        var present = new HashSet<string[]>(LabelsComparer.Instance);
        foreach (var (labels, value) in values)
        {
            SetLabels(labels);
            family.GetOrAdd(_labels)?.SetInt(value, now);
            present.Add(labels);
        }

        if (_present.TryGetValue(family, out var previous))
        {
            foreach (var gone in previous.Where(p => !present.Contains(p)))
            {
                SetLabels(gone);
                family.Remove(_labels);
            }
        }

        _present[family] = present;
    }

    private void SetLabels(string[] labels)
    {
        _labels.Clear();
        foreach (var label in labels)
        {
            _labels.Add(label);
        }
    }

    private void AddLogFamily(string name, MetricKind kind, string help, Func<SourceStatus, long> value) =>
        _logFamilies.Add((Register(name, kind, help, ["log"]), value));

    private MetricFamily Register(string name, MetricKind kind, string help, IReadOnlyList<string> labels) =>
        _store.Register(new MetricDescriptor
        {
            Name = name,
            ExportName = name,
            Program = null,
            Kind = kind,
            ValueType = MetricValueType.Int,
            LabelNames = labels,
            Help = help,
        });

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private sealed class LabelsComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] labels)
        {
            var hash = new HashCode();
            foreach (var label in labels)
            {
                hash.Add(label, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
