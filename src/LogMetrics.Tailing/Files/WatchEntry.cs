namespace LogMetrics.Tailing.Files;

/// <summary>One directory watch and the directory it was made for.</summary>
internal sealed class WatchEntry(FileSystemWatcher watcher, FileIdentity identity)
{
    private volatile bool _broken;

    public FileSystemWatcher Watcher { get; } = watcher;

    public FileIdentity Identity { get; } = identity;

    public bool Broken
    {
        get => _broken;
        set => _broken = value;
    }
}
