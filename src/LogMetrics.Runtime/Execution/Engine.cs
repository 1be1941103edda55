using System.Diagnostics;
using System.Text;
using LogMetrics.Language;
using LogMetrics.Language.Binding;
using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Codegen;

namespace LogMetrics.Runtime.Execution;

/// <summary>
/// Runs compiled programs over lines and updates the store. Each program sees each source's lines in order;
/// programs run in parallel. Never throws on user input: runtime errors are counted and reported through
/// <see cref="RuntimeError"/>.
/// </summary>
public sealed class Engine : ILineSink, IDisposable
{
    private readonly MetricStore _store;
    private readonly EngineOptions _options;
    private readonly object _lock = new();
    private readonly Dictionary<string, ProgramState> _programs = new(StringComparer.Ordinal);
    private volatile ProgramState[] _running = [];
    private readonly SelfMetrics? _self;

    public Engine(MetricStore store, EngineOptions options)
    {
        _store = store;
        _options = options;
        _self = options.SelfMetrics ? new SelfMetrics(store) : null;
    }

    /// <summary>Raised (on a worker thread) for each runtime error; the caller rate-limits its logging.</summary>
    public event Action<RuntimeErrorEventArgs>? RuntimeError;

    /// <summary>Compiles and loads (or reloads) a program; its name is the file name. An unchanged text keeps its state;
    /// a text that fails to compile leaves the previous version running.</summary>
    public ProgramLoadResult Load(string path, string text)
    {
        var name = Path.GetFileName(path);
        lock (_lock)
        {
            _programs.TryGetValue(name, out var state);
            if (state is not null && state.Text == text && state.Current is not null)
            {
                return new ProgramLoadResult(name, true, true, state.Diagnostics);
            }

            var compilation = Compiler.Compile(name, text, new CompilerOptions { Grok = _options.Grok });
            if (compilation.Program is null)
            {
                if (state is not null)
                {
                    state.Diagnostics = compilation.Diagnostics;
                }

                return new ProgramLoadResult(name, false, false, compilation.Diagnostics);
            }

            // The families are registered only once the code is built: a program that fails here leaves no family behind.
            var descriptors = compilation.Program.Metrics.Select(m => (Metric: m, Descriptor: Describe(m, name))).ToList();
            var families = descriptors.ToDictionary(d => d.Metric, d => _store.Resolve(d.Descriptor));
            CompiledProgram compiled;
            try
            {
                compiled = new CompiledProgram(compilation.Program, families, _options);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never throw out of the engine: the program is not loaded and its previous version keeps running.
                if (state is not null)
                {
                    state.Diagnostics = compilation.Diagnostics;
                }

                return new ProgramLoadResult(name, false, false, compilation.Diagnostics) { Error = RuntimeErrors.CodegenFailed(e.Message) };
            }

            foreach (var (metric, descriptor) in descriptors)
            {
                _store.Add(families[metric], descriptor);
            }

            if (state is null)
            {
                state = new ProgramState(name, path);
                _programs[name] = state;
                if (_options.Parallel)
                {
                    var captured = state;
                    state.Worker = new ProgramWorker(name, batch => RunBatch(captured, batch));
                }
            }

            var previous = state.Current;
            state.Path = path;
            state.Text = text;
            state.Diagnostics = compilation.Diagnostics;
            state.Current = compiled;
            if (previous is not null)
            {
                // Families the new version no longer declares go away with the old version.
                var kept = new HashSet<MetricFamily>(compiled.Families, ReferenceEqualityComparer.Instance);
                foreach (var family in previous.Families.Where(f => !kept.Contains(f)))
                {
                    _store.Remove(family);
                }
            }

            _running = _programs.Values.ToArray();
            return new ProgramLoadResult(name, true, false, compilation.Diagnostics);
        }
    }

    internal static MetricDescriptor Describe(MetricSymbol metric, string program) => new()
    {
        Name = metric.Name,
        ExportName = metric.ExportName,
        Program = program,
        Kind = metric.Kind switch
        {
            BoundMetricKind.Counter => MetricKind.Counter,
            BoundMetricKind.Gauge => MetricKind.Gauge,
            BoundMetricKind.Timer => MetricKind.Timer,
            BoundMetricKind.Text => MetricKind.Text,
            BoundMetricKind.Histogram => MetricKind.Histogram,
            BoundMetricKind.Summary => MetricKind.Summary,
        },
        ValueType = metric.Kind == BoundMetricKind.Histogram ? MetricValueType.Buckets
            : metric.Kind == BoundMetricKind.Summary ? MetricValueType.Quantiles
            : metric.ValueType switch
            {
                BoundType.Float => MetricValueType.Float,
                BoundType.String => MetricValueType.String,
                _ => MetricValueType.Int,
            },
        LabelNames = metric.Keys,
        Buckets = metric.Buckets,
        Quantiles = metric.Quantiles,
        QuantileErrors = metric.QuantileErrors,
        MaxAge = metric.MaxAge,
        Retention = metric.Retention,
        Help = metric.Help,
        Source = metric.Source,
        Limit = metric.Limit,
        Hidden = metric.Hidden,
        InitialLabelSets = metric.InitialLabelSets,
    };

    /// <summary>Unloads a program and removes its metrics.</summary>
    public bool Unload(string name)
    {
        ProgramState? state;
        lock (_lock)
        {
            if (!_programs.Remove(name, out state))
            {
                return false;
            }

            _running = _programs.Values.ToArray();
        }

        state.Worker?.Dispose();
        _store.RemoveProgram(name);
        _self?.Remove(name);
        return true;
    }

    public IReadOnlyList<ProgramStatus> Programs
    {
        get
        {
            lock (_lock)
            {
                return _programs.Values
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => new ProgramStatus(p.Name, p.Path, p.Current is not null, Interlocked.Read(ref p.LinesProcessed),
                        Interlocked.Read(ref p.LinesMatched), Interlocked.Read(ref p.RuntimeErrors), p.LastRuntimeError, p.Diagnostics)
                    {
                        LinesUndecoded = Interlocked.Read(ref p.LinesUndecoded),
                    })
                    .ToList();
            }
        }
    }

    /// <summary>Queues a batch for every program.</summary>
    public void OnLines(LineBatch batch)
    {
        foreach (var state in _running)
        {
            if (state.Worker is { } worker)
            {
                state.Current?.Prepare(batch);
                worker.Enqueue(batch);
            }
            else
            {
                RunBatch(state, batch);
            }
        }
    }

    private void RunBatch(ProgramState state, LineBatch batch)
    {
        var program = state.Current;
        if (program is null || batch.Count == 0)
        {
            return;
        }

        var started = _self is null ? 0 : Stopwatch.GetTimestamp();
        var errorsBefore = Interlocked.Read(ref state.RuntimeErrors);
        var matchedBefore = Interlocked.Read(ref state.LinesMatched);
        var undecodedBefore = Interlocked.Read(ref state.LinesUndecoded);
        program.Run(batch, state, (source, message) => ReportError(state, source, message));
        if (_self is not null)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            _self.Record(state.Name, batch.Count, Interlocked.Read(ref state.LinesMatched) - matchedBefore,
                Interlocked.Read(ref state.RuntimeErrors) - errorsBefore, elapsed / batch.Count, batch.ReadTimeMs);
            if (program.HasStructuredPatterns)
            {
                _self.RecordUndecoded(state.Name, Interlocked.Read(ref state.LinesUndecoded) - undecodedBefore, batch.ReadTimeMs);
            }
        }

    }

    private void ReportError(ProgramState state, string source, string message)
    {
        Interlocked.Increment(ref state.RuntimeErrors);
        state.LastRuntimeError = message;
        try
        {
            RuntimeError?.Invoke(new RuntimeErrorEventArgs(state.Name, source, message));
        }
        catch (Exception)
        {
            // A failing subscriber must not stop the program.
        }
    }

    /// <summary>Blocks until every batch queued so far has been processed by every program.</summary>
    public void Drain()
    {
        foreach (var state in _running)
        {
            state.Worker?.Drain();
        }
    }

    public void Dispose()
    {
        ProgramState[] states;
        lock (_lock)
        {
            states = _programs.Values.ToArray();
        }

        foreach (var state in states)
        {
            state.Worker?.Dispose();
        }
    }
}
