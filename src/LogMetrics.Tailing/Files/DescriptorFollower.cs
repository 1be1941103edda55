using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;
using Microsoft.Win32.SafeHandles;

namespace LogMetrics.Tailing.Files;

/// <summary>
/// Follows a stream without positions: stdin or a named pipe. Reads after poll(2) with a short timeout,
/// so startup never blocks waiting for a writer and stopping is prompt.
/// </summary>
/// <remarks>
/// A FIFO is opened read-write (see <see cref="NativeMethods.OpenFifo"/>): it never reports EOF when a writer
/// closes, so the reader keeps reading across writers coming and going without reopening.
/// </remarks>
internal sealed class DescriptorFollower(string name, Func<SafeFileHandle> open, bool reopenAtEof, FollowContext ctx)
{
    private const int PollTimeoutMs = 100;
    private const int ChunkBytes = 64 * 1024;

    public SourceCounters Counters { get; } = new(name);

    public Task RunAsync(CancellationToken ct) =>
        Task.Factory.StartNew(() => Run(ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken ct)
    {
        var backoffMs = 100;
        var failing = false;
        while (!ct.IsCancellationRequested)
        {
            SafeFileHandle handle;
            try
            {
                handle = open();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Counters.AddOpenError();
                if (!failing)
                {
                    failing = true;
                    ctx.Log.Warning("Cannot open {Source}, retrying: {Reason}", name, ex.Message);
                }

                ct.WaitHandle.WaitOne(backoffMs);
                backoffMs = Math.Min(backoffMs * 2, 5000);
                continue;
            }

            failing = false;
            ctx.Log.Information("Reading {Source}", name);
            try
            {
                using (handle)
                {
                    Pump(handle, ct);
                }
            }
            catch (Exception ex)
            {
                ctx.Log.Error(ex, "Reading {Source} failed", name);
                ct.WaitHandle.WaitOne(backoffMs);
            }

            if (!reopenAtEof)
            {
                ctx.Log.Information("{Source} reached its end", name);
                return;
            }
        }
    }

    private void Pump(SafeFileHandle handle, CancellationToken ct)
    {
        var fd = (int)handle.DangerousGetHandle();
        var splitter = new LineSplitter(name, ctx.Options.MaxLineBytes, ChunkBytes, Counters);
        var pipeline = SourcePipeline.Build(name, ctx.Options, ctx.Sink, Counters, ctx.Log);
        long total = 0;
        while (!ct.IsCancellationRequested)
        {
            if (!NativeMethods.PollReadable(fd, PollTimeoutMs))
            {
                pipeline.FlushIdle();
                continue;
            }

            var memory = splitter.GetWriteMemory();
            var n = NativeMethods.Read(fd, memory.Span[..Math.Min(memory.Length, ChunkBytes)], out var errno);
            if (n < 0)
            {
                if (errno is NativeMethods.EAGAIN or NativeMethods.EINTR)
                {
                    continue;
                }

                throw new IOException($"read {name}: errno {errno}");
            }

            if (n == 0)
            {
                splitter.Flush(pipeline.Head);
                pipeline.Flush();
                return;
            }

            total += n;
            Counters.AddBytes(n);
            Counters.SetPosition(total, total);
            splitter.Commit(n, pipeline.Head);
        }
    }
}
