using System.Text;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests;

public sealed class OneShotTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Reads_every_file_to_the_end_in_path_order()
    {
        File.WriteAllText(_dir["b.log"], "b1\nb2\n");
        File.WriteAllText(_dir["a.log"], "a1\r\na2\npartial");
        File.WriteAllText(_dir["c.txt"], "ignored\n");
        var sink = new CollectingSink();
        Tailer.ReadToEnd(new TailOptions { Sources = [_dir["*.log"]] }, sink);
        Assert.Equal(
            [(_dir["a.log"], "a1"), (_dir["a.log"], "a2"), (_dir["a.log"], "partial"), (_dir["b.log"], "b1"), (_dir["b.log"], "b2")],
            sink.Entries);
    }

    [Fact]
    public void Reads_a_large_file_across_chunks_in_order()
    {
        var path = _dir["big.log"];
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            text.Append("line number ").Append(i).Append(" é\n");
        }

        File.WriteAllText(path, text.ToString());
        var sink = new CollectingSink();
        var status = Tailer.ReadToEnd(new TailOptions { Sources = [path] }, sink, Serilog.Core.Logger.None);
        var lines = sink.Lines;
        Assert.Equal(200_000, lines.Count);
        for (var i = 0; i < lines.Count; i += 997)
        {
            Assert.Equal($"line number {i} é", lines[i]);
        }

        var s = Assert.Single(status);
        Assert.Equal(200_000, s.LinesRead);
        Assert.Equal(new FileInfo(path).Length, s.BytesRead);
    }

    [Fact]
    public void Decodes_docker_files()
    {
        var path = _dir["c.json.log"];
        File.WriteAllText(path, "{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"t\"}\nnot json\n{\"log\":\"par\",\"stream\":\"stdout\"}\n{\"log\":\"t\\n\",\"stream\":\"stdout\"}\n");
        var sink = new CollectingSink();
        var status = Tailer.ReadToEnd(new TailOptions { Sources = [path], Format = LogFormat.Docker }, sink, Serilog.Core.Logger.None);
        Assert.Equal(["hello", "part"], sink.Lines);
        Assert.Equal(1, status[0].DecodeErrors);
    }

    [Fact]
    public void Missing_and_unreadable_files_do_not_stop_the_rest()
    {
        File.WriteAllText(_dir["ok.log"], "ok\n");
        File.CreateSymbolicLink(_dir["dangling.log"], _dir["nowhere"]);
        var sink = new CollectingSink();
        var status = Tailer.ReadToEnd(new TailOptions { Sources = [_dir["*.log"], _dir["missing/*.log"]] }, sink, Serilog.Core.Logger.None);
        Assert.Equal(["ok"], sink.Lines);
        Assert.Equal(1, status.Single(s => s.Name.EndsWith("dangling.log")).OpenErrors);
    }

    public void Dispose() => _dir.Dispose();
}
