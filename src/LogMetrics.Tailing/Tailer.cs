using LogMetrics.Lines;
using LogMetrics.Tailing.Files;
using LogMetrics.Tailing.Globs;
using LogMetrics.Tailing.Sockets;
using LogMetrics.Tailing.State;
using Microsoft.Win32.SafeHandles;

namespace LogMetrics.Tailing;

/// <summary>Follows every source of <see cref="TailOptions"/> and hands complete lines to a sink, in order per source.</summary>
public sealed partial class Tailer : IAsyncDisposable
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan StateInterval = TimeSpan.FromSeconds(1);

    private readonly TailOptions _options;
    private readonly Serilog.ILogger _log;
    private readonly FollowContext _ctx;
    private readonly Dictionary<string, FileFollower> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DescriptorFollower> _pipes = new(StringComparer.Ordinal);
    private readonly List<SourceCounters> _streams = [];
    private readonly List<SocketListener> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly SemaphoreSlim _scanWake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly DirectoryWatchers _watchers;
    private readonly StateFile? _stateFile;
    private List<GlobPattern> _globs = [];
    private IReadOnlyList<FileState> _savedState = [];
    private bool _started;
    private bool _stopped;

    public Tailer(TailOptions options, ILineSink sink, Serilog.ILogger log)
    {
        _options = options;
        _log = log;
        _ctx = new FollowContext(options, sink, log);
        _watchers = new DirectoryWatchers(OnFileEvent, WakeScan, log);
        _stateFile = options.StateDirectory is null ? null : new StateFile(options.StateDirectory);
    }

    /// <summary>Starts following; completes once every source that exists has been opened.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException("The tailer was already started.");
        }

        _started = true;
        cancellationToken.ThrowIfCancellationRequested();
        var cwd = Directory.GetCurrentDirectory();
        var specs = _options.Sources.Select(s => SourceSpec.Parse(s, cwd)).ToList();
        _globs = [.. specs.Where(s => s.Kind == SourceKind.Files).Select(s => s.Glob!)];

        // Files present at the very first start are read from their end; a state file means we ran before.
        var firstStart = _stateFile is null || !File.Exists(_stateFile.Path);
        var saved = _stateFile?.Load() ?? [];
        Scan(initial: true, startAtEnd: firstStart && !_options.FromStart, saved);

        foreach (var spec in specs)
        {
            StartOther(spec);
        }

        WarnUnusedMultilineRules(specs);
        _loops.Add(ScanLoopAsync(_stop.Token));
        if (_stateFile is not null)
        {
            _loops.Add(StateLoopAsync(_stop.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>Finishes the lines in hand, writes the state and stops.</summary>
    public async Task StopAsync()
    {
        if (!_started || _stopped)
        {
            return;
        }

        _stopped = true;
        _stop.Cancel();
        List<Task> loops;
        lock (_followers)
        {
            loops = [.. _loops];
        }

        var all = Task.WhenAll(loops);
        if (await Task.WhenAny(all, Task.Delay(StopBudget)).ConfigureAwait(false) != all)
        {
            _log.Warning("Some sources did not stop within {Budget}", StopBudget);
        }

        SaveState();
        _watchers.Dispose();
        lock (_followers)
        {
            foreach (var follower in _followers.Values)
            {
                // Without a state directory nothing reads a held multiline record again: hand it on now. With one,
                // the saved offset is the record's start and the next run reads it whole.
                if (_stateFile is null)
                {
                    follower.FlushHeld();
                }

                follower.Close();
            }
        }

        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }

    /// <summary>Per-source status for the landing page and self-metrics.</summary>
    public IReadOnlyList<SourceStatus> Sources
    {
        get
        {
            lock (_followers)
            {
                return
                [
                    .. _followers.Values.Select(f => f.Counters.Snapshot()),
                    .. _pipes.Values.Select(p => p.Counters.Snapshot()),
                    .. _streams.Select(c => c.Snapshot()),
                ];
            }
        }
    }

    /// <summary>Reads every file matching the globs from its start to EOF, once (one-shot mode).</summary>
    public static void ReadToEnd(TailOptions options, ILineSink sink) => ReadToEnd(options, sink, Serilog.Core.Logger.None);

    /// <summary>Reads every file matching the globs from its start to EOF, once, and returns what was read per source.</summary>
    public static IReadOnlyList<SourceStatus> ReadToEnd(TailOptions options, ILineSink sink, Serilog.ILogger log) =>
        new OneShotReader(options, sink, log).Run();

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    // A rule whose glob names no source is most likely a typo; files may still appear, so this is a warning.
    private void WarnUnusedMultilineRules(List<SourceSpec> specs)
    {
        List<string> names;
        lock (_followers)
        {
            names = [.. _followers.Keys, .. _pipes.Keys, .. specs.Where(s => s.Kind != SourceKind.Files).Select(s => s.Text)];
        }

        foreach (var rule in _options.Multiline.Where(r => !names.Any(r.AppliesTo)))
        {
            _log.Warning("The multiline rule {Rule} applies to no log being followed yet", rule.Text);
        }
    }

    private void StartOther(SourceSpec spec)
    {
        switch (spec.Kind)
        {
            case SourceKind.Stdin:
                var stdin = new DescriptorFollower("-", () => new SafeFileHandle(0, ownsHandle: false), reopenAtEof: false, _ctx);
                lock (_followers)
                {
                    _pipes["-"] = stdin;
                    _loops.Add(stdin.RunAsync(_stop.Token));
                }

                break;
            case SourceKind.Unix or SourceKind.Tcp or SourceKind.Udp:
                SocketListener listener = spec.Kind == SourceKind.Udp
                    ? new DatagramListener(spec.Text, ListenAddress.Parse(spec), _ctx)
                    : new StreamListener(spec.Text, ListenAddress.Parse(spec), _ctx);
                TryBind(spec, listener);
                AddListener(listener);
                break;
        }
    }

    private void TryBind(SourceSpec spec, SocketListener listener)
    {
        try
        {
            listener.Bind();
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
        {
            // The run loop retries with backoff.
            listener.Counters.AddOpenError();
            _log.Warning("Cannot listen on {Source}, retrying: {Reason}", spec.Text, ex.Message);
        }
    }

    private void AddListener(SocketListener listener)
    {
        lock (_followers)
        {
            _listeners.Add(listener);
            _streams.Add(listener.Counters);
            _loops.Add(listener.RunAsync(_stop.Token));
        }
    }

    private async Task ScanLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _scanWake.WaitAsync(_options.PollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                Scan(initial: false, startAtEnd: false, []);
            }
            catch (Exception ex)
            {
                _log.Error(ex, "Scanning for log files failed");
            }
        }
    }

    private async Task StateLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(StateInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            SaveState();
        }
    }

    private void SaveState()
    {
        if (_stateFile is null)
        {
            return;
        }

        try
        {
            List<FileState> states;
            lock (_followers)
            {
                states = [.. _followers.Values.Select(f => f.State).OfType<FileState>().OrderBy(s => s.Path, StringComparer.Ordinal)];
            }

            if (states.SequenceEqual(_savedState))
            {
                return;
            }

            _stateFile.Save(states);
            _savedState = states;
        }
        catch (Exception ex)
        {
            _log.Warning("Cannot write the state file {Path}: {Reason}", _stateFile.Path, ex.Message);
        }
    }

    private void Scan(bool initial, bool startAtEnd, IReadOnlyList<FileState> saved)
    {
        var matched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var glob in _globs)
        {
            matched.UnionWith(glob.Expand());
        }

        var byPath = saved.GroupBy(s => s.Path).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (initial)
        {
            // A saved file whose path is gone may have been rotated away while we were down.
            matched.UnionWith(byPath.Keys.Where(p => _globs.Any(g => g.IsMatch(p))));
        }

        var created = new List<FileFollower>();
        lock (_followers)
        {
            if (_stopped)
            {
                return;
            }

            foreach (var path in matched)
            {
                if (_followers.ContainsKey(path) || _pipes.ContainsKey(path))
                {
                    continue;
                }

                if (NativeMethods.TryStat(path, out var stat, out _) && stat.IsFifo)
                {
                    var pipe = new DescriptorFollower(path, () => NativeMethods.OpenFifo(path), reopenAtEof: true, _ctx);
                    _pipes[path] = pipe;
                    _loops.Add(pipe.RunAsync(_stop.Token));
                    continue;
                }

                var follower = new FileFollower(path, _ctx, startAtEnd, byPath.GetValueOrDefault(path));
                _followers[path] = follower;
                created.Add(follower);
            }

            foreach (var (path, follower) in _followers.Where(f => !matched.Contains(f.Key)).ToList())
            {
                if (follower.TryRetire())
                {
                    _followers.Remove(path);
                    _log.Debug("No longer following {Path}", path);
                }
            }
        }

        foreach (var follower in created)
        {
            follower.Prepare();
        }

        lock (_followers)
        {
            if (!_stopped)
            {
                foreach (var follower in created)
                {
                    _loops.Add(follower.RunAsync(_stop.Token));
                }

                _loops.RemoveAll(t => t.IsCompleted);
            }
        }

        _watchers.Update(_globs.Select(g => (g.BaseDirectory, g.HasDirectoryWildcards)).Distinct());
    }

    private void OnFileEvent(string path)
    {
        FileFollower? follower;
        lock (_followers)
        {
            _followers.TryGetValue(path, out follower);
        }

        follower?.Wake();
    }

    private void WakeScan()
    {
        if (_scanWake.CurrentCount == 0)
        {
            try
            {
                _scanWake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }
}
