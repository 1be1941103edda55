using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Files;

public sealed class StateTests : IAsyncLifetime
{
    private readonly FollowFixture _f = new();

    private string Log => _f.Dir["app.log"];

    private TailOptions Options => FollowFixture.Fast(_f.Dir["*.log"]) with { StateDirectory = _f.Dir["state"] };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _f.DisposeAsync().AsTask();

    [Fact]
    public async Task Lines_written_while_stopped_are_read_once_after_restart()
    {
        File.WriteAllText(Log, "before start\n");
        var first = await _f.StartAsync(Options);
        FollowFixture.Append(Log, "one\ntwo\n");
        _f.WaitForLines(2);
        FollowFixture.Append(Log, "partial ");
        await first.StopAsync();
        Assert.True(File.Exists(_f.Dir["state/positions.json"]));

        FollowFixture.Append(Log, "line\nthree\n");
        File.WriteAllText(_f.Dir["new.log"], "created while down\n");
        await _f.StartAsync(Options);
        _f.WaitForLines(5);
        FollowFixture.Append(Log, "four\n");
        _f.WaitForLines(6);
        Assert.Equal(["one", "two", "partial line", "three", "four", "created while down"], Ordered(_f.Sink));
    }

    [Fact]
    public async Task A_rotation_while_stopped_reads_the_rest_of_the_old_file_then_the_new_one()
    {
        File.WriteAllText(Log, "");
        var first = await _f.StartAsync(Options);
        FollowFixture.Append(Log, "one\n");
        _f.WaitForLines(1);
        await first.StopAsync();

        FollowFixture.Append(Log, "two\n");
        File.Move(Log, _f.Dir["app.log.1"]);
        File.WriteAllText(Log, "three\n");
        var second = await _f.StartAsync(Options);
        _f.WaitForLines(3);
        Assert.Equal(["one", "three", "two"], _f.Sink.Lines.Order(StringComparer.Ordinal));
        Assert.Equal(1, second.Sources.Single(s => s.Name == Log).Rotations);
    }

    [Fact]
    public async Task A_file_replaced_while_stopped_is_read_from_the_start()
    {
        File.WriteAllText(Log, "");
        var first = await _f.StartAsync(Options);
        FollowFixture.Append(Log, "old content one\n");
        _f.WaitForLines(1);
        await first.StopAsync();

        File.Delete(Log);
        File.WriteAllText(Log, "fresh\n");
        await _f.StartAsync(Options);
        _f.WaitForLines(2);
        Assert.Equal(["old content one", "fresh"], _f.Sink.Lines);
    }

    [Fact]
    public async Task A_copytruncate_and_a_burst_past_the_saved_offset_while_stopped_is_read_from_the_start()
    {
        File.WriteAllText(Log, "");
        var first = await _f.StartAsync(Options);
        FollowFixture.Append(Log, "old line before the rotation\n");
        _f.WaitForLines(1);
        await first.StopAsync();

        var burst = string.Concat(Enumerable.Range(0, 40).Select(i => $"new line {i} after copytruncate\n"));
        using (var file = new FileStream(Log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
            file.Write(System.Text.Encoding.UTF8.GetBytes(burst));
        }

        await _f.StartAsync(Options);
        _f.WaitForLines(41);
        Assert.Equal(["old line before the rotation", .. burst.TrimEnd('\n').Split('\n')], _f.Sink.Lines);
    }

    // Lines of one source arrive in order; across sources the order is free, so compare per source.
    private static List<string> Ordered(CollectingSink sink) =>
        [.. sink.Entries.GroupBy(e => e.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Select(e => e.Line))];
}
