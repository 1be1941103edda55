using LogMetrics.Metrics;
using LogMetrics.Tailing;

namespace LogMetrics.Runtime;

/// <summary>
/// Runs compiled programs over lines and updates the store. Each program sees each source's lines in order;
/// programs run in parallel. Never throws on user input: runtime errors are counted and reported through
/// <see cref="RuntimeError"/>.
/// </summary>
public sealed class Engine : ILineSink, IDisposable
{
    public Engine(MetricStore store, EngineOptions options) => throw new NotImplementedException();

    /// <summary>Raised (on a worker thread) for each runtime error; the caller rate-limits its logging.</summary>
    public event Action<RuntimeErrorEventArgs>? RuntimeError { add => throw new NotImplementedException(); remove => throw new NotImplementedException(); }

    /// <summary>Compiles and loads (or reloads) a program; its name is the file name. An unchanged text keeps its state;
    /// a text that fails to compile leaves the previous version running.</summary>
    public ProgramLoadResult Load(string path, string text) => throw new NotImplementedException();

    /// <summary>Unloads a program and removes its metrics.</summary>
    public bool Unload(string name) => throw new NotImplementedException();

    public IReadOnlyList<ProgramStatus> Programs => throw new NotImplementedException();

    /// <summary>Queues a batch for every program.</summary>
    public void OnLines(LineBatch batch) => throw new NotImplementedException();

    /// <summary>Blocks until every batch queued so far has been processed by every program.</summary>
    public void Drain() => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
