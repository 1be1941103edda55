using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LogMetrics.Tailing.Files;

/// <summary>
/// The libc calls .NET does not expose: stat with inode numbers, FIFOs without blocking, poll.
/// glibc 2.33+ exports stat/fstat/lstat directly (Debian 12 ships 2.36), so no __xstat shims are needed.
/// </summary>
internal static class NativeMethods
{
    private const int StatBufferSize = 256;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int O_RDWR = 2;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;
    public const short POLLIN = 1;

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int StatNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LStatNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static extern int FStatNative(int fd, byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern unsafe nint ReadNative(int fd, byte* buffer, nint count);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern unsafe int PollNative(PollFd* fds, nuint count, int timeoutMs);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkfifoNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>stat(2), following symlinks; false with the errno when the call fails.</summary>
    public static bool TryStat(string path, out StatInfo info, out int errno) => Decode(StatNative(path, NewBuffer(out var b)), b, out info, out errno);

    /// <summary>lstat(2): whether the directory entry itself exists, even as a dangling symlink.</summary>
    public static bool TryLStat(string path, out StatInfo info, out int errno) => Decode(LStatNative(path, NewBuffer(out var b)), b, out info, out errno);

    public static bool TryFStat(SafeHandle handle, out StatInfo info)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Decode(FStatNative((int)handle.DangerousGetHandle(), NewBuffer(out var b)), b, out info, out _);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Opens a FIFO read-write and non-blocking: open never waits for a writer and the reader never sees EOF when writers come and go.</summary>
    public static SafeFileHandle OpenFifo(string path)
    {
        var fd = OpenNative(path, O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"open {path}: errno {errno}", errno);
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for input; true when a read will not block (data, EOF or error).</summary>
    public static unsafe bool PollReadable(int fd, int timeoutMs)
    {
        var pfd = new PollFd { Fd = fd, Events = POLLIN };
        var rc = PollNative(&pfd, 1, timeoutMs);
        return rc > 0;
    }

    /// <summary>read(2); -1 with EAGAIN means no data yet.</summary>
    public static unsafe int Read(int fd, Span<byte> buffer, out int errno)
    {
        fixed (byte* p = buffer)
        {
            var n = ReadNative(fd, p, buffer.Length);
            errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            return (int)n;
        }
    }

    public static void MakeFifo(string path)
    {
        if (MkfifoNative(path, Convert.ToInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static byte[] NewBuffer(out byte[] buffer) => buffer = new byte[StatBufferSize];

    private static bool Decode(int rc, byte[] b, out StatInfo info, out int errno)
    {
        if (rc != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            info = default;
            return false;
        }

        errno = 0;
        var dev = BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(0));
        var ino = BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(8));
        var size = BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(48));
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            // x86_64: st_nlink (u64) at 16, st_mode (u32) at 24.
            info = new StatInfo(dev, ino, size, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(24)), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(16)));
        }
        else
        {
            // The generic layout (arm64, riscv64): st_mode (u32) at 16, st_nlink (u32) at 20.
            info = new StatInfo(dev, ino, size, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(16)), BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(20)));
        }

        return true;
    }
}
