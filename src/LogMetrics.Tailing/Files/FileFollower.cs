using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;
using LogMetrics.Tailing.State;
using Microsoft.Win32.SafeHandles;

namespace LogMetrics.Tailing.Files;

/// <summary>
/// Follows one path: the file it names now, plus files rotated away from it that are still being drained.
/// One loop per path, so the lines of a source reach the sink in order and never concurrently.
/// </summary>
internal sealed class FileFollower
{
    private const int MaxBackoffMs = 5000;

    private readonly object _gate = new();
    private readonly FollowContext _ctx;
    private readonly List<FileReader> _draining = [];
    private readonly SemaphoreSlim _wake = new(0, 1);
    private FileReader? _current;
    private FileState? _resume;
    private bool _startAtEnd;
    private bool _openFailing;
    private long _nextOpenAttempt;
    private int _backoffMs;
    private volatile bool _retired;
    private volatile FileState? _state;

    public FileFollower(string path, FollowContext ctx, bool startAtEnd, FileState? resume)
    {
        Path = path;
        _ctx = ctx;
        _startAtEnd = startAtEnd;
        _resume = resume;
        Counters = new SourceCounters(path);
    }

    public string Path { get; }

    public SourceCounters Counters { get; }

    /// <summary>Whether a file is open under this path now.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>The position to remember for this path, published after every step.</summary>
    public FileState? State => _state;

    private TailOptions Options => _ctx.Options;

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>Retires the follower if it holds no file; false while it still reads or drains one.</summary>
    public bool TryRetire()
    {
        lock (_gate)
        {
            if (_current is null && _draining.Count == 0 && _resume is null)
            {
                _retired = true;
            }

            return _retired;
        }
    }

    /// <summary>Opens the file (resuming a saved position) without reading yet.</summary>
    public void Prepare()
    {
        lock (_gate)
        {
            try
            {
                if (_resume is { } resume)
                {
                    _resume = null;
                    Resume(resume);
                }

                if (_current is null)
                {
                    TryOpen();
                }

                Publish();
            }
            catch (Exception ex)
            {
                _ctx.Log.Error(ex, "Opening {Path} failed", Path);
            }
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && !_retired)
        {
            try
            {
                Step(ct);
            }
            catch (Exception ex)
            {
                _ctx.Log.Error(ex, "Following {Path} failed; retrying", Path);
            }

            try
            {
                await _wake.WaitAsync(Options.PollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public void Step(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_retired)
            {
                return;
            }

            if (_resume is not null)
            {
                var resume = _resume;
                _resume = null;
                Resume(resume);
            }

            Drain(ct);
            if (_current is null)
            {
                TryOpen();
            }

            if (_current is { } current)
            {
                if (current.CheckTruncated())
                {
                    Counters.AddTruncation();
                    _ctx.Log.Information("{Path} was truncated at {Offset}; reading from the start", Path, current.ReadOffset);
                    current.Rewind();
                }

                current.ReadAvailable(ct);
                CheckPath(ct);
                _current?.FlushIdle();
            }

            Publish();
        }
    }

    /// <summary>Hands on the records stages hold: the daemon stops with no state to read them again from.</summary>
    public void FlushHeld()
    {
        lock (_gate)
        {
            _current?.FlushHeld();
            foreach (var reader in _draining)
            {
                reader.FlushHeld();
            }
        }
    }

    /// <summary>Closes every file without handing on partial lines: after a restart they are read again from the saved offset.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _retired = true;
            _current?.Dispose();
            _current = null;
            foreach (var reader in _draining)
            {
                reader.Dispose();
            }

            _draining.Clear();
        }
    }

    private void Drain(CancellationToken ct)
    {
        for (var i = _draining.Count - 1; i >= 0; i--)
        {
            var old = _draining[i];
            var read = old.ReadAvailable(ct);
            old.FlushIdle();
            var idle = Environment.TickCount64 - old.LastGrowth;
            // A deleted file is drained like a renamed one: its writer may still hold it open and append to it
            // (nginx until it reopens its logs), so it is closed only once it has been quiet for the grace period.
            if (read == 0 && idle >= Options.RotationGrace.TotalMilliseconds)
            {
                old.Flush();
                old.Dispose();
                _draining.RemoveAt(i);
                _ctx.Log.Debug("Closed the old file of {Path} at {Offset}", Path, old.ReadOffset);
            }
        }
    }

    // At EOF: does the path still name the file we read?
    private void CheckPath(CancellationToken ct)
    {
        var current = _current!;
        if (!NativeMethods.TryStat(Path, out var stat, out _))
        {
            // Still linked somewhere means renamed away (rotation, the new file not created yet); else deleted.
            current.Refresh();
            if (!current.Unlinked)
            {
                Counters.AddRotation();
                _ctx.Log.Information("{Path} was renamed away; reading what is left of it", Path);
            }
            else
            {
                _ctx.Log.Information("{Path} was deleted; reading it until it has been quiet for {Grace}", Path, Options.RotationGrace);
            }

            StartDraining(current);
            return;
        }

        if (stat.Identity == current.Identity)
        {
            return;
        }

        Counters.AddRotation();
        _ctx.Log.Information("{Path} was rotated; reading the new file from the start", Path);
        current.ReadAvailable(ct);
        StartDraining(current);
        TryOpen();
        _current?.ReadAvailable(ct);
    }

    private void StartDraining(FileReader reader)
    {
        reader.Touch();
        _draining.Add(reader);
        _current = null;
        _nextOpenAttempt = 0;
    }

    private void TryOpen()
    {
        if (Environment.TickCount64 < _nextOpenAttempt)
        {
            return;
        }

        if (!NativeMethods.TryLStat(Path, out _, out _))
        {
            // Nothing is named so (deleted, not yet created): not an error; the file is read from byte 0 when it appears.
            _startAtEnd = false;
            return;
        }

        var startAtEnd = _startAtEnd;
        _startAtEnd = false;
        var handle = OpenChecked();
        if (handle is null)
        {
            return;
        }

        NativeMethods.TryFStat(handle, out var stat);
        long offset = 0;
        var midLine = false;
        if (startAtEnd)
        {
            offset = FileReader.AlignedEnd(handle, stat.Size, out midLine);
        }

        _current = NewReader(handle, stat, offset);
        if (midLine)
        {
            _current.SkipToNextLine();
        }

        _ctx.Log.Information("Following {Path} from {Offset}", Path, offset);
    }

    // Opens Path as a regular file; counts and logs (once per change of state) when it cannot.
    private SafeFileHandle? OpenChecked()
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = FileReader.Open(Path);
            if (!NativeMethods.TryFStat(handle, out var stat) || stat.IsDirectory)
            {
                throw new IOException("not a regular file");
            }

            if (_openFailing)
            {
                _ctx.Log.Information("{Path} can be opened again", Path);
            }

            _openFailing = false;
            _backoffMs = 0;
            return handle;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            Counters.AddOpenError();
            _backoffMs = _backoffMs == 0 ? (int)Math.Max(10, Options.PollInterval.TotalMilliseconds) : Math.Min(_backoffMs * 2, MaxBackoffMs);
            _nextOpenAttempt = Environment.TickCount64 + _backoffMs;
            if (!_openFailing)
            {
                _openFailing = true;
                _ctx.Log.Warning("Cannot open {Path}, retrying: {Reason}", Path, ex.Message);
            }

            return null;
        }
    }

    private FileReader NewReader(SafeFileHandle handle, StatInfo stat, long offset)
    {
        var splitter = new LineSplitter(Path, Options.MaxLineBytes, FileReader.ChunkBytes, Counters);
        var pipeline = SourcePipeline.Build(Path, Options, _ctx.Sink, Counters, _ctx.Log);
        return new FileReader(handle, stat, offset, splitter, pipeline, Counters);
    }

    // After a restart: continue where the saved state says, on the same file or on the file it was rotated to.
    private void Resume(FileState saved)
    {
        var identity = new FileIdentity(saved.Device, saved.Inode);
        var exists = NativeMethods.TryStat(Path, out var stat, out _);
        _startAtEnd = false;
        if (exists && stat.Identity == identity)
        {
            var handle = OpenChecked();
            if (handle is null)
            {
                return;
            }

            NativeMethods.TryFStat(handle, out stat);
            var offset = Matches(handle, stat, saved) ? saved.Offset : 0;
            if (offset == 0 && saved.Offset > 0)
            {
                _ctx.Log.Information("{Path} changed while stopped; reading from the start", Path);
            }

            _current = NewReader(handle, stat, offset);
            _ctx.Log.Information("Following {Path} from {Offset}", Path, offset);
            return;
        }

        // The path names another file, or none: the saved file may have been rotated to a sibling name while stopped.
        var foundOld = false;
        var oldPath = FindSibling(identity);
        if (oldPath is not null)
        {
            try
            {
                var handle = FileReader.Open(oldPath);
                NativeMethods.TryFStat(handle, out var oldStat);
                if (oldStat.Identity == identity && Matches(handle, oldStat, saved))
                {
                    var reader = NewReader(handle, oldStat, saved.Offset);
                    reader.Touch();
                    _draining.Add(reader);
                    Counters.AddRotation();
                    foundOld = true;
                    _ctx.Log.Information("{Path} was rotated to {OldPath} while stopped; reading the rest from {Offset}", Path, oldPath, saved.Offset);
                }
                else
                {
                    handle.Dispose();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _ctx.Log.Warning("Cannot open {OldPath}, the rotated file of {Path}: {Reason}", oldPath, Path, ex.Message);
            }
        }

        if (!exists)
        {
            return;
        }

        var current = OpenChecked();
        if (current is null)
        {
            return;
        }

        NativeMethods.TryFStat(current, out stat);

        // Same content under a new inode (copied, or restored): keep the offset.
        var at = !foundOld && Matches(current, stat, saved) ? saved.Offset : 0;
        _current = NewReader(current, stat, at);
        _ctx.Log.Information("Following {Path} from {Offset}", Path, at);
    }

    private static bool Matches(SafeFileHandle handle, StatInfo stat, FileState saved) =>
        stat.Size >= saved.Offset
        && saved.FingerprintLength > 0
        && FileReader.ComputeFingerprint(handle, saved.FingerprintLength) == saved.Fingerprint
        || (saved.FingerprintLength == 0 && saved.Offset == 0);

    private string? FindSibling(FileIdentity identity)
    {
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (dir is null || !Directory.Exists(dir))
        {
            return null;
        }

        try
        {
            foreach (var candidate in Directory.EnumerateFiles(dir))
            {
                if (candidate != Path && NativeMethods.TryStat(candidate, out var stat, out _) && stat.Identity == identity)
                {
                    return candidate;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    private void Publish()
    {
        if (_current is { } current)
        {
            current.UpdateFingerprint();
            Counters.SetPosition(current.ReadOffset, current.Length);
            var state = new FileState(Path, current.Identity.Device, current.Identity.Inode, current.Fingerprint, current.FingerprintLength, current.CommittedOffset);
            if (state != _state)
            {
                _state = state;
            }
        }
    }
}
