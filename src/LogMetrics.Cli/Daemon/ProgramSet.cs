using System.Text;
using LogMetrics.Cli.Check;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Runtime;
using LogMetrics.Runtime.Execution;
using Serilog;

namespace LogMetrics.Cli.Daemon;

/// <summary>
/// Keeps the engine's programs in step with the programs path: new and changed files are loaded
/// (a failing one leaves its old version running), deleted ones are unloaded. One reload at a time.
/// With <paramref name="inMemory"/> (a config imported at start, e.g. grok_exporter's), those programs are the set
/// and no file is read.
/// </summary>
internal sealed class ProgramSet(Engine engine, string progs, ILogger log, IReadOnlyDictionary<string, string>? inMemory = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ProgramFileState> _files = new(StringComparer.Ordinal);

    /// <summary>The state of every program file seen, for the landing page.</summary>
    public IReadOnlyList<ProgramFileState> Files
    {
        get
        {
            lock (_files)
            {
                return _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            }
        }
    }

    public string Path => progs;

    public async Task<ReloadSummary> ReloadAsync(string reason)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            log.Information("Reloading programs from {Progs} ({Reason})", progs, reason);
            var summary = ReloadLocked();
            log.Information(
                "Programs: {Loaded} loaded, {Unchanged} unchanged, {Unloaded} unloaded, {Failed} failed",
                summary.Loaded.Count, summary.Unchanged.Count, summary.Unloaded.Count, summary.Failed.Count);
            return summary;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ReloadSummary ReloadLocked()
    {
        List<string> loaded = [], unchanged = [], unloaded = [];
        List<FailedProgram> failed = [];
        var present = inMemory is not null ? inMemory.Keys.Order(StringComparer.Ordinal).ToList()
            : Directory.Exists(progs)
            ? Directory.EnumerateFiles(progs).Where(ProgramFiles.IsProgramFile).Order(StringComparer.Ordinal).ToList()
            : File.Exists(progs) ? [progs] : [];
        if (inMemory is null && present.Count == 0 && !Directory.Exists(progs) && !File.Exists(progs))
        {
            log.Error("Programs path {Progs} does not exist", progs);
        }

        foreach (var path in present)
        {
            switch (LoadOne(path, out var failure))
            {
                case LoadOutcome.Failed:
                    failed.Add(failure!);
                    break;
                case LoadOutcome.Unchanged:
                    unchanged.Add(path);
                    break;
                default:
                    loaded.Add(path);
                    break;
            }
        }

        List<string> gone;
        lock (_files)
        {
            gone = _files.Keys.Where(p => !present.Contains(p, StringComparer.Ordinal)).ToList();
        }

        foreach (var path in gone)
        {
            var name = System.IO.Path.GetFileName(path);
            engine.Unload(name);
            lock (_files)
            {
                _files.Remove(path);
            }

            unloaded.Add(path);
            log.Information("Unloaded {Program}: its file was removed", name);
        }

        return new ReloadSummary(loaded, unchanged, unloaded, failed);
    }

    private LoadOutcome LoadOne(string path, out FailedProgram? failure)
    {
        failure = null;
        var name = System.IO.Path.GetFileName(path);
        string text;
        try
        {
            text = inMemory is not null ? inMemory[path] : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error("Cannot read program {Program}: {Error}", path, e.Message);
            Remember(path, null, [], e.Message);
            failure = new FailedProgram(path, e.Message, [], null);
            return LoadOutcome.Failed;
        }

        lock (_files)
        {
            if (_files.TryGetValue(path, out var known) && known.Text == text && known.Running)
            {
                // The running text is back (e.g. a broken edit was reverted): the last failure no longer applies.
                _files[path] = known with { Diagnostics = known.Error is null ? known.Diagnostics : [], Error = null };
                return LoadOutcome.Unchanged;
            }
        }

        ProgramLoadResult result;
        try
        {
            result = engine.Load(path, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine must not throw on user input; if it does, the old version keeps running all the same.
            log.Error(e, "Loading {Program} failed", name);
            Remember(path, null, [], e.Message);
            failure = new FailedProgram(path, e.Message, [], text);
            return LoadOutcome.Failed;
        }

        foreach (var warning in result.Diagnostics.Where(d => !d.IsError))
        {
            log.Warning("{Diagnostic}", warning.ToString());
        }

        if (!result.Loaded)
        {
            foreach (var error in result.Diagnostics.Where(d => d.IsError))
            {
                log.Error("{Diagnostic}", error.ToString());
            }

            if (result.Error is not null)
            {
                log.Error("{Program}: {Error}", name, result.Error);
            }

            log.Error("Program {Program} failed to load; {Previous}", name,
                IsRunning(path) ? "its previous version keeps running" : "it is not running");
            var reason = result.Error ?? "compile errors";
            Remember(path, null, result.Diagnostics, reason);
            failure = new FailedProgram(path, reason, result.Diagnostics, text);
            return LoadOutcome.Failed;
        }

        log.Information(result.Unchanged ? "Program {Program} unchanged" : "Loaded {Program}", name);
        Remember(path, text, result.Diagnostics, null);
        return result.Unchanged ? LoadOutcome.Unchanged : LoadOutcome.Loaded;
    }

    private bool IsRunning(string path)
    {
        lock (_files)
        {
            return _files.TryGetValue(path, out var state) && state.Running;
        }
    }

    private void Remember(string path, string? loadedText, IReadOnlyList<Diagnostic> diagnostics, string? error)
    {
        lock (_files)
        {
            _files.TryGetValue(path, out var previous);
            _files[path] = new ProgramFileState(
                path,
                loadedText ?? previous?.Text,
                Running: loadedText is not null || previous?.Running == true,
                diagnostics,
                error,
                DateTimeOffset.UtcNow)
            {
                Loads = (previous?.Loads ?? 0) + (loadedText is null ? 0 : 1),
                LoadErrors = (previous?.LoadErrors ?? 0) + (error is null ? 0 : 1),
            };
        }
    }
}
