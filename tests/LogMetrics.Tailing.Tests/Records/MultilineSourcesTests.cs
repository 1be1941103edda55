using System.Text;
using LogMetrics.Tailing.Records;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Records;

/// <summary>Multiline rules on real files: one-shot, followed, across rotation, across a restart with a state directory, and after container decoding.</summary>
public sealed class MultilineSourcesTests : IAsyncLifetime
{
    private readonly FollowFixture _f = new();

    private string Log => _f.Dir["app.log"];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _f.DisposeAsync().AsTask();

    [Fact]
    public void One_shot_frames_records_across_read_chunks_only_in_the_files_the_rule_names()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("START ").Append(i).Append("\r\n  detail é\n  more\n");
        }

        File.WriteAllText(Log, text.Append("START last\n  no newline at the end").ToString());
        File.WriteAllText(_f.Dir["other.log"], "START x\n  y\n");
        var sink = new CollectingSink();
        var status = Tailer.ReadToEnd(new TailOptions { Sources = [_f.Dir["*.log"]], Multiline = [Rule(Log + "=start:/^START /")] }, sink, Serilog.Core.Logger.None);

        var records = sink.Entries.Where(e => e.Source == Log).Select(e => e.Line).ToList();
        Assert.Equal(50_001, records.Count);
        Assert.Equal("START 0\n  detail é\n  more", records[0]);
        Assert.Equal("START 31337\n  detail é\n  more", records[31337]);
        Assert.Equal("START last\n  no newline at the end", records[^1]);
        Assert.Equal(["START x", "  y"], sink.Entries.Where(e => e.Source != Log).Select(e => e.Line));
        Assert.Equal(50_001, status.Single(s => s.Name == Log).LinesRead);
    }

    [Fact]
    public async Task The_last_record_of_a_quiet_file_is_handed_on_after_the_flush_timeout()
    {
        File.WriteAllText(Log, "");
        await _f.StartAsync(FollowFixture.Fast(Log) with { Multiline = [Rule("start:/^S/,timeout=300ms")] });
        FollowFixture.Append(Log, "S one\n  a\nS two\n  b\n");
        _f.WaitForLines(2);
        Assert.Equal(["S one\n  a", "S two\n  b"], _f.Sink.Lines);
        FollowFixture.Append(Log, "  c\nS three\n");
        _f.WaitForLines(4);
        Assert.Equal(["S one\n  a", "S two\n  b", "  c", "S three"], _f.Sink.Lines);
    }

    [Fact]
    public async Task A_record_never_spans_a_rotation()
    {
        File.WriteAllText(Log, "");
        var tailer = await _f.StartAsync(FollowFixture.Fast(_f.Dir["*.log"]) with { Multiline = [Rule("start:/^S/,timeout=1h")] });
        FollowFixture.Append(Log, "S old\n  1\n");
        Poll.Until("the old file to be read", () => tailer.Sources.Single().Offset == 10);
        File.Move(Log, _f.Dir["app.log.1"]);
        File.WriteAllText(Log, "  orphan\nS new\n  2\nS next\n");
        _f.WaitForLines(3);

        // The old file's last record waits for the old file to be closed (its writer may still add to it), so the
        // order across the two files is free; what matters is that no record holds lines of both.
        Assert.Equal(["  orphan", "S new\n  2", "S old\n  1"], _f.Sink.Lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_restart_with_a_state_directory_never_splits_or_double_counts_a_held_record()
    {
        File.WriteAllText(Log, "");
        var options = FollowFixture.Fast(Log) with { StateDirectory = _f.Dir["state"], Multiline = [Rule("start:/^S/,timeout=1h")] };
        var first = await _f.StartAsync(options);
        FollowFixture.Append(Log, "S one\n  1\nS two\n  2\n");
        _f.WaitForLines(1);
        Poll.Until("the whole file to be read", () => first.Sources.Single().Offset == 20);
        await first.StopAsync();
        Assert.Contains("\"Offset\": 10", File.ReadAllText(_f.Dir["state/positions.json"]), StringComparison.Ordinal);

        FollowFixture.Append(Log, "  3\nS three\n");
        await _f.StartAsync(options);
        _f.WaitForLines(2);
        Assert.Equal(["S one\n  1", "S two\n  2\n  3"], _f.Sink.Lines);
    }

    [Fact]
    public async Task Without_a_state_directory_a_held_record_is_handed_on_at_stop()
    {
        File.WriteAllText(Log, "");
        var tailer = await _f.StartAsync(FollowFixture.Fast(Log) with { Multiline = [Rule("start:/^S/,timeout=1h")] });
        FollowFixture.Append(Log, "S one\n  1\n");
        Poll.Until("the file to be read", () => tailer.Sources.Single().Offset == 10);
        Assert.Empty(_f.Sink.Lines);
        await tailer.StopAsync();
        Assert.Equal(["S one\n  1"], _f.Sink.Lines);
    }

    [Theory]
    [InlineData(LogFormat.Cri, """
        2024-01-01T00:00:00.000000001Z stderr P Exception in thread "main" java.lang.
        2024-01-01T00:00:00.000000002Z stderr F RuntimeException: boom
        2024-01-01T00:00:00.000000003Z stderr F 	at Main.main(Main.java:3)
        2024-01-01T00:00:00.000000004Z stdout F next
        """)]
    [InlineData(LogFormat.Docker, """
        {"log":"Exception in thread \"main\" java.lang.","stream":"stderr","time":"2024-01-01T00:00:00Z"}
        {"log":"RuntimeException: boom\n","stream":"stderr","time":"2024-01-01T00:00:00Z"}
        {"log":"\tat Main.main(Main.java:3)\n","stream":"stderr","time":"2024-01-01T00:00:00Z"}
        {"log":"next\n","stream":"stdout","time":"2024-01-01T00:00:00Z"}
        """)]
    public void Container_partial_lines_are_joined_before_records_are_framed(LogFormat format, string input)
    {
        File.WriteAllText(Log, input + "\n");
        var sink = new CollectingSink();
        Tailer.ReadToEnd(new TailOptions { Sources = [Log], Format = format, Multiline = [Rule("continue:/^\\t/")] }, sink);
        Assert.Equal(["Exception in thread \"main\" java.lang.RuntimeException: boom\n\tat Main.main(Main.java:3)", "next"], sink.Lines);
    }

    [Fact]
    public async Task A_container_partial_line_is_not_split_by_a_restart()
    {
        File.WriteAllText(Log, "");
        var options = FollowFixture.Fast(Log) with { StateDirectory = _f.Dir["state"], Format = LogFormat.Cri };
        var first = await _f.StartAsync(options);
        FollowFixture.Append(Log, "t stdout F whole\nt stdout P half \n");
        _f.WaitForLines(1);
        Poll.Until("the partial line to be read", () => first.Sources.Single().Offset == 34);
        await first.StopAsync();
        Assert.Contains("\"Offset\": 17", File.ReadAllText(_f.Dir["state/positions.json"]), StringComparison.Ordinal);

        FollowFixture.Append(Log, "t stdout F and the rest\n");
        await _f.StartAsync(options);
        _f.WaitForLines(2);
        Assert.Equal(["whole", "half and the rest"], _f.Sink.Lines);
    }

    private static MultilineRule Rule(string text)
    {
        Assert.True(MultilineRule.TryParse(text, out var rule, out var error), error);
        return rule!;
    }
}
