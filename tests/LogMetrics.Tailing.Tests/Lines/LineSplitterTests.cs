using System.Text;
using LogMetrics.Lines;
using LogMetrics.Tailing.Lines;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Lines;

public sealed class LineSplitterTests
{
    public static TheoryData<string, byte[], string[], int> Cases => new()
    {
        { "plain", "a\nbb\nccc\n"u8.ToArray(), ["a", "bb", "ccc"], 0 },
        { "crlf", "a\r\nb\r\n"u8.ToArray(), ["a", "b"], 0 },
        { "lone cr kept inside", "a\rb\n"u8.ToArray(), ["a\rb"], 0 },
        { "empty lines", "\n\nx\n\n"u8.ToArray(), ["", "", "x", ""], 0 },
        { "partial flushed at eof", "a\nparti"u8.ToArray(), ["a", "parti"], 0 },
        { "invalid utf8", new byte[] { (byte)'a', 0xFF, (byte)'b', (byte)'\n', 0xE2, 0x82, (byte)'\n', (byte)'z', (byte)'\n' }, ["a\uFFFDb", "\uFFFD", "z"], 0 },
        { "nul passes", new byte[] { (byte)'a', 0, (byte)'b', (byte)'\n' }, ["a\0b"], 0 },
        { "utf8", "é€😀\nx\n"u8.ToArray(), ["é€😀", "x"], 0 },
        { "long line cut", "0123456789ABC\nok\n"u8.ToArray(), ["0123456789", "ok"], 1 },
        { "long partial cut at eof", "ok\n0123456789ABC"u8.ToArray(), ["ok", "0123456789"], 1 },
        { "exactly max", "0123456789\n"u8.ToArray(), ["0123456789"], 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_in_one_commit(string name, byte[] input, string[] expected, int tooLong)
    {
        _ = name;
        var (lines, cut) = Run(input, [input.Length]);
        Assert.Equal(expected, lines);
        Assert.Equal(tooLong, cut);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_the_same_byte_by_byte(string name, byte[] input, string[] expected, int tooLong)
    {
        _ = name;
        var (lines, cut) = Run(input, [.. Enumerable.Repeat(1, input.Length)]);
        Assert.Equal(expected, lines);
        Assert.Equal(tooLong, cut);
    }

    [Fact]
    public void Keeps_the_partial_line_until_its_newline()
    {
        var counters = new SourceCounters("s");
        var sink = new CollectingSink();
        var splitter = new LineSplitter("s", 100, 16, counters);
        Write(splitter, "part"u8, sink);
        Assert.Empty(sink.Lines);
        Assert.Equal(4, splitter.PendingInputBytes);
        Write(splitter, "ial\nnext"u8, sink);
        Assert.Equal(["partial"], sink.Lines);
        Assert.Equal(4, splitter.PendingInputBytes);
    }

    [Fact]
    public void Skips_to_the_next_line_when_starting_mid_line()
    {
        var sink = new CollectingSink();
        var splitter = new LineSplitter("s", 100, 16, new SourceCounters("s"));
        splitter.SkipToNextLine();
        Write(splitter, "tail of old\nnew\n"u8, sink);
        Assert.Equal(["new"], sink.Lines);
    }

    [Fact]
    public void A_ten_megabyte_line_is_cut_without_holding_it()
    {
        var counters = new SourceCounters("s");
        var sink = new CollectingSink();
        var splitter = new LineSplitter("s", 1 << 20, 64 * 1024, counters);
        var block = new byte[64 * 1024];
        block.AsSpan().Fill((byte)'x');
        for (var i = 0; i < 160; i++)
        {
            Write(splitter, block, sink);
            Assert.True(splitter.GetWriteMemory().Length < 4 << 20, "buffer stays bounded");
        }

        Write(splitter, "\nafter\n"u8, sink);
        Assert.Equal(2, sink.Count);
        Assert.Equal(1 << 20, sink.Lines[0].Length);
        Assert.Equal("after", sink.Lines[1]);
        Assert.Equal(1, counters.LinesTooLong);
        Assert.Equal(0, splitter.PendingInputBytes);
    }

    [Fact]
    public void Batches_stay_below_the_large_object_threshold()
    {
        var sink = new CollectingSink();
        var splitter = new LineSplitter("s", 1 << 20, 256 * 1024, new SourceCounters("s"));
        var line = Encoding.ASCII.GetBytes(new string('y', 99) + "\n");
        var data = Enumerable.Range(0, 2000).SelectMany(_ => line).ToArray();
        Write(splitter, data, sink);
        Assert.Equal(2000, sink.Count);
        Assert.All(sink.Batches, b => Assert.True(b.Text.Length <= LineSplitter.BatchBytes + 100));
    }

    [Fact]
    public void Splits_faster_than_a_gigabyte_a_second()
    {
        var line = Encoding.ASCII.GetBytes("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"-\" \"curl/8\"\n");
        var chunk = Enumerable.Range(0, 256 * 1024 / line.Length).SelectMany(_ => line).ToArray();
        var counters = new SourceCounters("s");
        var splitter = new LineSplitter("s", 1 << 20, chunk.Length, counters);
        var sink = new NullSink();
        var total = 0L;
        for (var i = 0; i < 200; i++)
        {
            Write(splitter, chunk, sink);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++)
        {
            Write(splitter, chunk, sink);
            total += chunk.Length;
        }

        var rate = total / watch.Elapsed.TotalSeconds / 1e9;
        Console.WriteLine($"LineSplitter: {rate:F2} GB/s ({sink.Lines / watch.Elapsed.TotalSeconds / 1e6:F1} M lines/s)");
        // Only a sanity floor: the machine is shared and tests run in parallel (about 2.5 GB/s alone, Debug build).
        Assert.True(rate > 0.05, $"split rate {rate:F2} GB/s");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tracked_offsets_are_each_line_s_byte_extent_in_the_source(string name, byte[] input, string[] expected, int tooLong)
    {
        _ = (name, expected, tooLong);
        var ends = input.Select((b, i) => (b, i)).Where(p => p.b == (byte)'\n').Select(p => 1000L + p.i + 1).ToList();
        if (input[^1] != (byte)'\n')
        {
            ends.Add(1000L + input.Length);
        }

        long[] starts = [1000, .. ends.SkipLast(1)];
        foreach (var pieces in new[] { new[] { input.Length }, Enumerable.Repeat(1, input.Length).ToArray() })
        {
            var sink = new CollectingSink();
            var splitter = new LineSplitter("s", 10, 4, new SourceCounters("s"));
            splitter.TrackOffsets(1000);
            var pos = 0;
            foreach (var piece in pieces)
            {
                Write(splitter, input.AsSpan(pos, piece), sink);
                pos += piece;
            }

            splitter.Flush(sink);
            Assert.Equal(ends, sink.Batches.SelectMany(b => b.EndOffsets!.Take(b.Count)));
            Assert.Equal(starts, sink.Batches.SelectMany(b => b.StartOffsets!.Take(b.Count)));
        }
    }

    [Fact]
    public void Tracked_offsets_start_after_the_skipped_partial_line()
    {
        var sink = new CollectingSink();
        var splitter = new LineSplitter("s", 100, 16, new SourceCounters("s"));
        splitter.TrackOffsets(50);
        splitter.SkipToNextLine();
        Write(splitter, "tail of a line\nnext\n"u8, sink);
        Assert.Equal(["next"], sink.Lines);
        Assert.Equal([65L], sink.Batches.Single().StartOffsets!.Take(1));
        Assert.Equal([70L], sink.Batches.Single().EndOffsets!.Take(1));
    }

    private static (string[], int) Run(byte[] input, int[] pieces)
    {
        var counters = new SourceCounters("s");
        var sink = new CollectingSink();
        var splitter = new LineSplitter("s", 10, 4, counters);
        var pos = 0;
        foreach (var piece in pieces)
        {
            Write(splitter, input.AsSpan(pos, piece), sink);
            pos += piece;
        }

        splitter.Flush(sink);
        Assert.All(sink.Batches, b => Assert.Equal("s", b.Source));
        return ([.. sink.Lines], (int)counters.LinesTooLong);
    }

    private static void Write(LineSplitter splitter, ReadOnlySpan<byte> data, ILineSink sink)
    {
        while (!data.IsEmpty)
        {
            var memory = splitter.GetWriteMemory();
            var n = Math.Min(memory.Length, data.Length);
            data[..n].CopyTo(memory.Span);
            splitter.Commit(n, sink);
            data = data[n..];
        }
    }

    private sealed class NullSink : ILineSink
    {
        public long Lines;

        public void OnLines(LineBatch batch) => Lines += batch.Count;
    }
}
