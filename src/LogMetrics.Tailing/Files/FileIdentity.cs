namespace LogMetrics.Tailing.Files;

/// <summary>Which file a path names: device and inode, stable across renames.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode);
