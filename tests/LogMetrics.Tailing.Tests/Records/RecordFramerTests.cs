using System.Diagnostics;
using LogMetrics.Lines;
using LogMetrics.Tailing.Records;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Records;

/// <summary>The framing stage alone: lines in (one batch per '|'-separated group), records out.</summary>
public sealed class RecordFramerTests
{
    private const string JavaTrace = """
        2024-05-01 12:00:00 ERROR request failed
        java.lang.IllegalStateException: boom
            at com.example.Service.run(Service.java:42)
            at com.example.Main.main(Main.java:7)
        2024-05-01 12:00:01 INFO next request
        """;

    [Fact]
    public void Start_mode_groups_the_lines_after_a_start_line_into_its_record()
    {
        var (records, counters) = Frame("start:/^\\d{4}-\\d{2}-\\d{2} /", JavaTrace.Split('\n'));
        Assert.Equal(
        [
            "2024-05-01 12:00:00 ERROR request failed\njava.lang.IllegalStateException: boom\n    at com.example.Service.run(Service.java:42)\n    at com.example.Main.main(Main.java:7)",
            "2024-05-01 12:00:01 INFO next request",
        ], records);
        Assert.Equal(0, counters.Snapshot().RecordsCut);
    }

    [Fact]
    public void Continue_mode_appends_the_lines_that_match_to_the_record_before_them()
    {
        var (records, _) = Frame("continue:/^(\\s|java\\.|Caused by:)/", JavaTrace.Split('\n'));
        Assert.Equal(2, records.Count);
        Assert.Equal(4, records[0].Split('\n').Length);
    }

    [Theory]
    // Lines before the first start line (the tail of a record whose start was not read) form one record.
    [InlineData("start:/^S/", "  tail 1|  tail 2|S one|  c|S two", "  tail 1\n  tail 2|S one\n  c|S two")]
    // A record spans batches; a batch may end inside a record.
    [InlineData("start:/^S/", "S one|  a|#|  b|#|S two|#|  c", "S one\n  a\n  b|S two\n  c")]
    [InlineData("continue:/^\\s/", "a| 1|b|c| 2| 3", "a\n 1|b|c\n 2\n 3")]
    // Empty lines are lines: they continue a record in start mode.
    [InlineData("start:/^S/", "S one||  x|S two", "S one\n\n  x|S two")]
    public void Tables(string rule, string input, string expected)
    {
        var (records, _) = Frame(rule, [.. input.Split('|')]);
        Assert.Equal(expected.Split('|'), records);
    }

    [Fact]
    public void A_start_regex_that_matches_every_line_makes_each_line_a_record()
    {
        var lines = Enumerable.Range(0, 100_000).Select(i => $"line {i}").ToArray();
        var (records, counters) = Frame("start:/.*/", lines);
        Assert.Equal(lines, records);
        Assert.Equal(0, counters.Snapshot().RecordsCut);
    }

    [Fact]
    public void A_record_that_never_ends_is_handed_on_every_max_lines_and_each_cut_is_counted()
    {
        var lines = new[] { "start" }.Concat(Enumerable.Range(0, 9_999).Select(i => $" more {i}")).ToArray();
        var (records, counters) = Frame("continue:/^ /,max_lines=100", lines);
        Assert.Equal(100, records.Count);
        Assert.All(records, r => Assert.Equal(100, r.Split('\n').Length));
        Assert.Equal(lines, records.SelectMany(r => r.Split('\n')));
        Assert.Equal(99, counters.Snapshot().RecordsCut);
    }

    [Fact]
    public void Max_bytes_bounds_a_record_and_cuts_a_single_longer_line()
    {
        var (records, counters) = Frame("start:/^S/,max_bytes=16", ["S 1234567", " abcdef", " ghijkl", "S é" + new string('x', 40)]);
        Assert.Equal(["S 1234567", " abcdef\n ghijkl", "S é" + new string('x', 12)], records);
        Assert.Equal(2, counters.Snapshot().RecordsCut);
    }

    [Fact]
    public void A_pathological_regex_on_a_long_line_does_not_hang()
    {
        var watch = Stopwatch.StartNew();
        var (records, counters) = Frame("start:/^(a+)+$/", [new string('a', 100_000) + "b", "aaa"]);
        Assert.Equal(2, records.Count);
        Assert.Equal(0, counters.Snapshot().MultilineTimeouts);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_held_record_is_handed_on_after_the_flush_timeout_and_not_before()
    {
        Assert.True(MultilineRule.TryParse("start:/^S/,timeout=500ms", out var rule, out _));
        var sink = new CollectingSink();
        var framer = new RecordFramer(rule!, sink, new SourceCounters("s"), Serilog.Core.Logger.None);
        framer.OnLines(Batch("S one", "  more"));
        var now = Environment.TickCount64;
        framer.FlushIdle(now);
        Assert.Empty(sink.Lines);
        framer.FlushIdle(now + 600);
        Assert.Equal(["S one\n  more"], sink.Lines);
        Assert.Null(framer.HeldFrom);
    }

    [Fact]
    public void Held_from_is_the_start_offset_of_the_held_record()
    {
        Assert.True(MultilineRule.TryParse("start:/^S/", out var rule, out _));
        var framer = new RecordFramer(rule!, new CollectingSink(), new SourceCounters("s"), Serilog.Core.Logger.None);
        framer.OnLines(new LineBatch("s", "S aa b", [0, 5], [4, 1], 2, 0) { StartOffsets = [100, 105], EndOffsets = [105, 107] });
        Assert.Equal(100, framer.HeldFrom);
        framer.OnLines(new LineBatch("s", "S c", [0], [3], 1, 0) { StartOffsets = [107], EndOffsets = [111] });
        Assert.Equal(107, framer.HeldFrom);
    }

    // Each '#' line ends a batch; every batch goes through the framer, then the end of the source flushes it.
    private static (List<string> Records, SourceCounters Counters) Frame(string spec, string[] lines)
    {
        Assert.True(MultilineRule.TryParse(spec, out var rule, out var error), error);
        var sink = new CollectingSink();
        var counters = new SourceCounters("s");
        var framer = new RecordFramer(rule!, sink, counters, Serilog.Core.Logger.None);
        var batch = new List<string>();
        foreach (var line in lines)
        {
            if (line == "#")
            {
                framer.OnLines(Batch([.. batch]));
                batch.Clear();
            }
            else
            {
                batch.Add(line);
            }
        }

        framer.OnLines(Batch([.. batch]));
        framer.Flush();
        return (sink.Lines, counters);
    }

    private static LineBatch Batch(params string[] lines)
    {
        var starts = new int[lines.Length];
        var lengths = new int[lines.Length];
        var at = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            starts[i] = at;
            lengths[i] = lines[i].Length;
            at += lines[i].Length + 1;
        }

        return new LineBatch("s", string.Join('\n', lines), starts, lengths, lines.Length, 0);
    }
}
