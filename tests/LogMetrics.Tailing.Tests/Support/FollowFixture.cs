namespace LogMetrics.Tailing.Tests.Support;

/// <summary>A temp directory, a collecting sink and tailers started on them, all stopped on dispose.</summary>
internal sealed class FollowFixture : IAsyncDisposable
{
    private readonly List<Tailer> _tailers = [];

    public TempDirectory Dir { get; } = new();

    public CollectingSink Sink { get; private set; } = new();

    /// <summary>What the tailers logged.</summary>
    public LogCapture Log { get; } = new();

    public static TailOptions Fast(params string[] sources) => new()
    {
        Sources = sources,
        PollInterval = TimeSpan.FromMilliseconds(50),
        RotationGrace = TimeSpan.FromMilliseconds(400),
    };

    public async Task<Tailer> StartAsync(TailOptions options)
    {
        var tailer = new Tailer(options, Sink, Log.Logger);
        _tailers.Add(tailer);
        await tailer.StartAsync(CancellationToken.None);
        return tailer;
    }

    public void WaitForLines(int count, double seconds = 10) =>
        Poll.Until($"{count} lines (have {Sink.Count}: {string.Join(",", Sink.Lines.TakeLast(5))})", () => Sink.Count >= count, TimeSpan.FromSeconds(seconds));

    public static void Append(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var tailer in _tailers)
        {
            await tailer.DisposeAsync();
        }

        Dir.Dispose();
    }
}
