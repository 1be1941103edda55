using System.Diagnostics;
using LogMetrics.Tailing.Tests.Support;
using Xunit.Abstractions;

namespace LogMetrics.Tailing.Tests.Files;

public sealed class FollowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly FollowFixture _f = new();

    private string Log => _f.Dir["app.log"];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _f.DisposeAsync().AsTask();

    [Fact]
    public async Task Existing_files_are_read_from_their_end_and_appends_arrive_quickly()
    {
        File.WriteAllText(Log, "old1\nold2\nbeing writ");
        var tailer = await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]));
        FollowFixture.Append(Log, "ten\n");
        _f.WaitForLines(1);
        Assert.Equal(["being written"], _f.Sink.Lines);

        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            FollowFixture.Append(Log, $"line {i}\n");
            _f.WaitForLines(2 + i, seconds: 2);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        output.WriteLine($"append-to-sink latency: median {latencies[10]:F1} ms, max {latencies[^1]:F1} ms");
        Console.WriteLine($"append-to-sink latency: median {latencies[10]:F1} ms, max {latencies[^1]:F1} ms");
        Assert.Equal(21, _f.Sink.Count);
        var status = Assert.Single(tailer.Sources);
        Assert.Equal(Log, status.Name);
        Assert.Equal(21, status.LinesRead);
        Assert.Equal(new FileInfo(Log).Length, status.Offset);
    }

    [Fact]
    public async Task FromStart_reads_existing_files_whole()
    {
        File.WriteAllText(Log, "old1\nold2\n");
        await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]) with { FromStart = true });
        FollowFixture.Append(Log, "new\n");
        _f.WaitForLines(3);
        Assert.Equal(["old1", "old2", "new"], _f.Sink.Lines);
    }

    [Fact]
    public async Task A_file_created_after_start_is_read_from_byte_zero()
    {
        await _f.StartAsync(FollowFixture.Fast(_f.Dir["**/*.log"]));
        Directory.CreateDirectory(_f.Dir["sub/deeper"]);
        var late = _f.Dir["sub/deeper/late.log"];
        File.WriteAllText(late, "first\nsecond\n");
        _f.WaitForLines(2);
        Assert.Equal([(late, "first"), (late, "second")], _f.Sink.Entries);
    }

    [Fact]
    public async Task Create_rotation_loses_nothing_while_the_writer_keeps_the_old_file()
    {
        File.WriteAllText(Log, "");
        var tailer = await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]));
        var expected = new List<string>();
        using (var writer = new StreamWriter(new FileStream(Log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true })
        {
            for (var i = 0; i < 50; i++)
            {
                writer.WriteLine($"before {i}");
                expected.Add($"before {i}");
            }

            File.Move(Log, _f.Dir["app.log.1"]);

            // The application has not reopened yet: it still writes to the renamed file.
            for (var i = 0; i < 50; i++)
            {
                writer.WriteLine($"late {i}");
                expected.Add($"late {i}");
            }

            File.WriteAllText(Log, "");
            for (var i = 0; i < 20; i++)
            {
                writer.WriteLine($"later {i}");
                expected.Add($"later {i}");
            }
        }

        for (var i = 0; i < 50; i++)
        {
            FollowFixture.Append(Log, $"new {i}\n");
            expected.Add($"new {i}");
        }

        _f.WaitForLines(expected.Count);
        Poll.Until("one rotation", () => tailer.Sources.Single().Rotations == 1);
        Assert.Equal(expected.Order(), _f.Sink.Lines.Order());
        Assert.All(_f.Sink.Entries, e => Assert.Equal(Log, e.Source));
    }

    [Fact]
    public async Task Copytruncate_starts_over_at_byte_zero()
    {
        File.WriteAllText(Log, "");
        var tailer = await _f.StartAsync(FollowFixture.Fast(Log));
        FollowFixture.Append(Log, "one\ntwo\nthree\n");
        _f.WaitForLines(3);
        File.Copy(Log, _f.Dir["app.log.1"]);
        using (var truncate = new FileStream(Log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }

        Poll.Until("the truncation to be seen", () => tailer.Sources.Single().Truncations == 1);
        FollowFixture.Append(Log, "four\n");
        _f.WaitForLines(4);
        Assert.Equal(["one", "two", "three", "four"], _f.Sink.Lines);
    }

    [Fact]
    public async Task A_deleted_and_recreated_file_is_read_from_the_start()
    {
        File.WriteAllText(Log, "");
        await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]));
        FollowFixture.Append(Log, "a\n");
        _f.WaitForLines(1);
        File.Delete(Log);
        File.WriteAllText(Log, "b\nc\n");
        _f.WaitForLines(3);
        Assert.Equal(["a", "b", "c"], _f.Sink.Lines);
    }

    /// <remarks>
    /// nginx keeps writing to its access log after `rm` until it is told to reopen: its next line lands in the
    /// deleted file. The writer here is a stream the test keeps open after the unlink, as nginx does.
    /// </remarks>
    [Fact]
    public async Task A_deleted_file_its_writer_keeps_open_is_read_while_it_grows_then_closed_once_quiet()
    {
        File.WriteAllText(Log, "");
        await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]) with { RotationGrace = TimeSpan.FromSeconds(1.5) });
        using (var writer = new StreamWriter(new FileStream(Log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true })
        {
            writer.WriteLine("before rm");
            _f.WaitForLines(1);
            File.Delete(Log);
            Poll.Until("the deletion to be seen", () => _f.Log.Contains("was deleted"));
            for (var i = 0; i < 3; i++)
            {
                // The writer's own pace (several poll intervals apart, as nginx's next request), not a wait for a result.
                Thread.Sleep(400);
                writer.WriteLine($"after rm {i}");
            }

            _f.WaitForLines(4);
        }

        Assert.True(HoldsDeleted(Log), "the tailer should hold the deleted file until it has been quiet for the grace period");

        Assert.Equal(["before rm", "after rm 0", "after rm 1", "after rm 2"], _f.Sink.Lines);
        Poll.Until("the quiet deleted file to be closed after the grace period", () => !HoldsDeleted(Log));
    }

    [Fact]
    public async Task A_removed_and_recreated_directory_recovers()
    {
        var dir = _f.Dir["logs"];
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "x.log");
        File.WriteAllText(path, "");
        await _f.StartAsync(FollowFixture.Fast(Path.Combine(dir, "*.log")));
        FollowFixture.Append(path, "a\n");
        _f.WaitForLines(1);
        Directory.Delete(dir, recursive: true);
        Poll.Until("the directory to go", () => !Directory.Exists(dir));
        Thread.Sleep(200); // let a rescan see the directory missing, which is the case under test
        Directory.CreateDirectory(dir);
        File.WriteAllText(path, "b\n");
        _f.WaitForLines(2);
        FollowFixture.Append(path, "c\n");
        _f.WaitForLines(3);
        Assert.Equal(["a", "b", "c"], _f.Sink.Lines);
    }

    /// <remarks>
    /// Tests run as root in CI, and permissions do not stop root, so an open failure is made with a dangling
    /// symlink: the glob lists it, open(2) fails with ENOENT, and creating the target fixes it.
    /// </remarks>
    [Fact]
    public async Task An_open_failure_is_counted_and_retried_until_fixed()
    {
        var target = _f.Dir["target.txt"];
        File.CreateSymbolicLink(Log, target);
        var tailer = await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]));
        Poll.Until("open errors to be counted", () => tailer.Sources.Single().OpenErrors >= 2);
        File.WriteAllText(target, "now readable\n");
        _f.WaitForLines(1);
        Assert.Equal(["now readable"], _f.Sink.Lines);
    }

    // Whether this process holds a descriptor on the unlinked file (Linux shows it as "PATH (deleted)").
    private static bool HoldsDeleted(string path) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Any(fd =>
        {
            try
            {
                return fd.LinkTarget == path + " (deleted)";
            }
            catch (IOException)
            {
                return false;
            }
        });

    [Fact]
    public async Task Stop_returns_quickly_and_is_idempotent()
    {
        File.WriteAllText(Log, "x\n");
        var tailer = await _f.StartAsync(FollowFixture.Fast(Log, "tcp://127.0.0.1:0", "udp://127.0.0.1:0"));
        var watch = Stopwatch.StartNew();
        await tailer.StopAsync();
        await tailer.StopAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }
}
