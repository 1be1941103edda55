using System.Text;
using LogMetrics.Tailing.Files;
using LogMetrics.Tailing.State;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Files;

/// <summary>
/// copytruncate followed, before the next check, by a write longer than the old offset: the size never looks smaller,
/// so only the file's first bytes (the fingerprint kept with the offset) tell that it was truncated. The follower is
/// stepped by hand so that the truncation and the burst really both happen between two checks.
/// </summary>
public sealed class TruncationTests : IDisposable
{
    private const string OldLine = "old line before the rotation\n";

    private readonly TempDirectory _dir = new();
    private readonly CollectingSink _sink = new();

    private string Log => _dir["app.log"];

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Copytruncate_then_a_burst_past_the_old_offset_is_read_from_byte_zero(bool withStateDir)
    {
        File.WriteAllText(Log, OldLine);
        var state = withStateDir ? new StateFile(_dir["state"]) : null;
        var follower = Follow(state);
        Assert.Equal(["old line before the rotation"], _sink.Lines);

        var burst = Burst(1000);
        using (var file = new FileStream(Log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
            file.Write(Encoding.UTF8.GetBytes(burst));
        }

        Assert.True(new FileInfo(Log).Length > OldLine.Length, "the burst is longer than the old offset");
        follower.Step(CancellationToken.None);

        Assert.Equal(["old line before the rotation", .. burst.TrimEnd('\n').Split('\n')], _sink.Lines);
        Assert.Equal(1, follower.Counters.Snapshot().Truncations);

        // What is kept (and saved with --state-dir) describes the new content, so a restart resumes at its end.
        var kept = follower.State!;
        Assert.Equal(burst.Length, kept.Offset);
        using var handle = FileReader.Open(Log);
        Assert.Equal(FileReader.ComputeFingerprint(handle, kept.FingerprintLength), kept.Fingerprint);
        Assert.Equal(Math.Min(burst.Length, FileReader.FingerprintBytes), kept.FingerprintLength);
        if (state is not null)
        {
            state.Save([kept]);
            follower.Close();
            var resumed = Follow(state);
            File.AppendAllText(Log, "after restart\n");
            resumed.Step(CancellationToken.None);
            Assert.Equal("after restart", _sink.Lines[^1]);
            Assert.Equal(1 + burst.Split('\n').Length, _sink.Count);
        }
    }

    [Fact]
    public void Appends_that_leave_the_first_bytes_alone_are_not_a_truncation()
    {
        File.WriteAllText(Log, "a\n");
        var follower = Follow(null);
        for (var i = 0; i < 50; i++)
        {
            File.AppendAllText(Log, Burst(60));
            follower.Step(CancellationToken.None);
        }

        Assert.Equal(0, follower.Counters.Snapshot().Truncations);
        Assert.Equal(1 + (50 * Burst(60).Split('\n').Length) - 50, _sink.Count);
    }

    // A follower as the tailer makes it (the first start: from byte 0), resumed from the state file if there is one.
    private FileFollower Follow(StateFile? state)
    {
        var ctx = new FollowContext(new TailOptions { Sources = [Log] }, _sink, Serilog.Core.Logger.None);
        var follower = new FileFollower(Log, ctx, startAtEnd: false, state?.Load().SingleOrDefault());
        follower.Prepare();
        follower.Step(CancellationToken.None);
        if (state is not null)
        {
            state.Save([follower.State!]);
        }

        return follower;
    }

    private static string Burst(int bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append("new line ").Append(i).Append(" after copytruncate\n");
        }

        return text.ToString();
    }
}
