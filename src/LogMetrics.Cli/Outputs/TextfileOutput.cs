using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;
using Prometheus;
using ILogger = Serilog.ILogger;

namespace LogMetrics.Cli.Outputs;

/// <summary>`--textfile PATH`: the daemon writes the exposition every interval and once more at exit.</summary>
internal sealed class TextfileOutput : IOutput
{
    private readonly string _path;
    private readonly TimeSpan _interval;
    private readonly ExpositionOptions _options;
    private readonly Func<IReadOnlyList<MetricFamily>> _snapshot;
    private readonly ILogger _log;
    private readonly Counter _writes;
    private readonly Counter _errors;
    private readonly Gauge _lastWrite;
    private readonly Lock _lock = new();
    private bool _failing;

    public TextfileOutput(string path, TimeSpan interval, ExpositionOptions options, Func<IReadOnlyList<MetricFamily>> snapshot, ILogger log, IMetricFactory metrics)
    {
        _path = Path.GetFullPath(path);
        _interval = interval;
        _options = options;
        _snapshot = snapshot;
        _log = log;
        _writes = metrics.CreateCounter("logmetrics_textfile_writes_total", "Writes of the --textfile exposition.");
        _errors = metrics.CreateCounter("logmetrics_textfile_write_errors_total", "Failed writes of the --textfile exposition (the previous file stays).");
        _lastWrite = metrics.CreateGauge("logmetrics_textfile_last_write_timestamp_seconds", "When the --textfile exposition was last written (Unix time).");
    }

    public async Task RunAsync(CancellationToken stop)
    {
        WriteOnce();
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                WriteOnce();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task FinishAsync(TimeSpan budget)
    {
        WriteOnce();
        return Task.CompletedTask;
    }

    private void WriteOnce()
    {
        lock (_lock)
        {
            try
            {
                TextfileWriter.Write(_path, _snapshot(), _options);
                _writes.Inc();
                _lastWrite.SetToCurrentTimeUtc();
                if (_failing)
                {
                    _log.Information("Writing {Path} works again", _path);
                    _failing = false;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _errors.Inc();
                if (!_failing)
                {
                    _log.Error("Cannot write the textfile {Path}: {Error}; the previous file stays", _path, e.Message);
                    _failing = true;
                }
            }
        }
    }
}
