namespace LogMetrics.Tailing;

/// <summary>Follows every source of <see cref="TailOptions"/> and hands complete lines to a sink, in order per source.</summary>
public sealed class Tailer : IAsyncDisposable
{
    public Tailer(TailOptions options, ILineSink sink, Serilog.ILogger log) => throw new NotImplementedException();

    /// <summary>Starts following; completes once every source that exists has been opened.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Finishes the lines in hand, writes the state and stops.</summary>
    public Task StopAsync() => throw new NotImplementedException();

    /// <summary>Per-source status for the landing page and self-metrics.</summary>
    public IReadOnlyList<SourceStatus> Sources => throw new NotImplementedException();

    /// <summary>Reads every file matching the globs from its start to EOF, once (one-shot mode).</summary>
    public static void ReadToEnd(TailOptions options, ILineSink sink) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
