using System.Collections.Concurrent;
using LogMetrics.Runtime;
using Serilog;

namespace LogMetrics.Cli.Daemon;

/// <summary>Logs runtime errors at most once per program per interval, with the number suppressed since the last one
/// (mtail logs every one, which can fill disks: its issue #252).</summary>
internal sealed class RuntimeErrorLog(ILogger log, TimeProvider time, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, ProgramErrors> _programs = new(StringComparer.Ordinal);

    public void OnRuntimeError(RuntimeErrorEventArgs error)
    {
        var state = _programs.GetOrAdd(error.Program, _ => new ProgramErrors());
        var now = time.GetTimestamp();
        long suppressed;
        lock (state)
        {
            if (state.LastLogged != 0 && time.GetElapsedTime(state.LastLogged, now) < interval)
            {
                state.Suppressed++;
                return;
            }

            suppressed = state.Suppressed;
            state.Suppressed = 0;
            state.LastLogged = now;
        }

        log.Warning(
            "Runtime error in {Program} at {Source}: {Error} ({Suppressed} similar errors suppressed since the last one logged)",
            error.Program, error.Source, error.Message, suppressed);
    }

    private sealed class ProgramErrors
    {
        public long LastLogged;
        public long Suppressed;
    }
}
