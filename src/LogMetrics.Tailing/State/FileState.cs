namespace LogMetrics.Tailing.State;

/// <summary>What is remembered of one followed file across restarts.</summary>
internal sealed record FileState(string Path, ulong Device, ulong Inode, string? Fingerprint, int FingerprintLength, long Offset);
