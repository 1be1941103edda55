namespace LogMetrics.Tailing.Files;

/// <summary>
/// inotify watches (through FileSystemWatcher) on the directories the globs search, for low latency.
/// A watch that fails or whose directory is replaced is rebuilt on the next rescan; meanwhile polling covers it.
/// </summary>
internal sealed class DirectoryWatchers(Action<string> onChange, Action onStructureChange, Serilog.ILogger log) : IDisposable
{
    private readonly Dictionary<(string Dir, bool Recursive), WatchEntry> _watchers = [];
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public void Update(IEnumerable<(string Dir, bool Recursive)> wanted)
    {
        var keep = wanted.ToHashSet();
        lock (_watchers)
        {
            foreach (var key in _watchers.Keys.Where(k => !keep.Contains(k)).ToList())
            {
                _watchers[key].Watcher.Dispose();
                _watchers.Remove(key);
            }

            foreach (var key in keep)
            {
                var exists = NativeMethods.TryStat(key.Dir, out var stat, out _) && stat.IsDirectory;
                if (_watchers.TryGetValue(key, out var entry))
                {
                    if (exists && !entry.Broken && entry.Identity == stat.Identity)
                    {
                        continue;
                    }

                    entry.Watcher.Dispose();
                    _watchers.Remove(key);
                }

                if (exists)
                {
                    Create(key, stat.Identity);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_watchers)
        {
            foreach (var entry in _watchers.Values)
            {
                entry.Watcher.Dispose();
            }

            _watchers.Clear();
        }
    }

    private void Create((string Dir, bool Recursive) key, FileIdentity identity)
    {
        var watcher = new FileSystemWatcher(key.Dir)
        {
            IncludeSubdirectories = key.Recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        var entry = new WatchEntry(watcher, identity);
        watcher.Changed += (_, e) => onChange(e.FullPath);
        watcher.Created += (_, e) =>
        {
            onChange(e.FullPath);
            onStructureChange();
        };
        watcher.Deleted += (_, e) =>
        {
            onChange(e.FullPath);
            onStructureChange();
        };
        watcher.Renamed += (_, e) =>
        {
            onChange(e.OldFullPath);
            onChange(e.FullPath);
            onStructureChange();
        };
        watcher.Error += (_, e) =>
        {
            // Overflow or a watch lost: rescan everything now, and rebuild the watch on that rescan.
            entry.Broken = true;
            onStructureChange();
        };
        try
        {
            watcher.EnableRaisingEvents = true;
            _watchers[key] = entry;
            _warned.Remove(key.Dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            watcher.Dispose();
            if (_warned.Add(key.Dir))
            {
                log.Warning("Cannot watch {Directory}, polling it instead: {Reason}", key.Dir, ex.Message);
            }
        }
    }
}
