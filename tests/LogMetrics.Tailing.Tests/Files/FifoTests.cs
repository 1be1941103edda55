using System.Diagnostics;
using LogMetrics.Tailing.Files;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Files;

/// <summary>Stdin is read by the same code as a FIFO, so the FIFO tests stand for it.</summary>
public sealed class FifoTests : IAsyncLifetime
{
    private readonly FollowFixture _f = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _f.DisposeAsync().AsTask();

    [Fact]
    public async Task A_fifo_is_read_across_writers_without_blocking_start()
    {
        var fifo = _f.Dir["pipe.log"];
        NativeMethods.MakeFifo(fifo);
        var watch = Stopwatch.StartNew();
        var tailer = await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));

        await WriteAsync(fifo, "first\nsecond\n");
        _f.WaitForLines(2);
        await WriteAsync(fifo, "third\n");
        _f.WaitForLines(3);
        Assert.Equal([(fifo, "first"), (fifo, "second"), (fifo, "third")], _f.Sink.Entries);
        Assert.Equal(3, tailer.Sources.Single(s => s.Name == fifo).LinesRead);
    }

    [Fact]
    public async Task Multiline_records_from_a_fifo_are_handed_on_after_the_flush_timeout()
    {
        var fifo = _f.Dir["pipe.log"];
        NativeMethods.MakeFifo(fifo);
        Assert.True(LogMetrics.Tailing.Records.MultilineRule.TryParse(fifo + "=start:/^S/,timeout=300ms", out var rule, out var error), error);
        await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]) with { Multiline = [rule!] });
        await WriteAsync(fifo, "S one\n  a\nS two\n");
        _f.WaitForLines(2);
        await WriteAsync(fifo, "  b\n");
        _f.WaitForLines(3);
        Assert.Equal(["S one\n  a", "S two", "  b"], _f.Sink.Lines);
    }

    private static async Task WriteAsync(string fifo, string text)
    {
        // A shell writer, so the open and close are those of a separate process.
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"printf '{text.Replace("\n", "\\n")}' > '{fifo}'"]))!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
