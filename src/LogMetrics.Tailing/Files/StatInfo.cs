namespace LogMetrics.Tailing.Files;

/// <summary>The fields of a POSIX <c>struct stat</c> the tailer needs.</summary>
internal readonly record struct StatInfo(ulong Device, ulong Inode, long Size, uint Mode, ulong Links)
{
    private const uint TypeMask = 0xF000;

    public bool IsFifo => (Mode & TypeMask) == 0x1000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsSymlink => (Mode & TypeMask) == 0xA000;

    public FileIdentity Identity => new(Device, Inode);
}
