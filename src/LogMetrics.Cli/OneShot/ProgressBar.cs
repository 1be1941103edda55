using System.Diagnostics;
using System.Globalization;

namespace LogMetrics.Cli.OneShot;

/// <summary>
/// A one-line progress bar on stderr for one-shot reads: bytes read of the total, lines per second and the time left.
/// It appears only once the read has taken longer than <see cref="Delay"/> (a quick run prints nothing), is redrawn
/// a few times a second, and is erased when the read ends. The caller decides whether stderr is a terminal.
/// </summary>
internal sealed class ProgressBar(TextWriter terminal, long totalBytes, Func<long> bytesRead, Func<long> linesRead)
{
    private const int Width = 30;

    /// <summary>One second, as the issue asks; LOGMETRICS_PROGRESS_AFTER_MS changes it (tests use 0).</summary>
    public static TimeSpan Delay =>
        int.TryParse(Environment.GetEnvironmentVariable("LOGMETRICS_PROGRESS_AFTER_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(1);

    /// <summary>Waits for <paramref name="work"/>, drawing the bar while it runs past the delay.</summary>
    public T Run<T>(Task<T> work)
    {
        var clock = Stopwatch.StartNew();
        if (Finished(work, Delay))
        {
            return work.GetAwaiter().GetResult();
        }

        var shown = false;
        do
        {
            Draw(clock.Elapsed);
            shown = true;
        }
        while (!Finished(work, TimeSpan.FromMilliseconds(200)));

        if (shown)
        {
            Draw(clock.Elapsed);
            // Erase the line: the metrics (or the next prompt) start on a clean line.
            terminal.Write("\r\u001b[K");
            terminal.Flush();
        }

        // A failure of the read surfaces as itself, not wrapped.
        return work.GetAwaiter().GetResult();
    }

    private static bool Finished(Task work, TimeSpan wait) => work.IsCompleted || ((IAsyncResult)work).AsyncWaitHandle.WaitOne(wait);

    private void Draw(TimeSpan elapsed)
    {
        var bytes = Math.Min(bytesRead(), totalBytes);
        var fraction = totalBytes <= 0 ? 0 : (double)bytes / totalBytes;
        var filled = (int)Math.Round(fraction * Width);
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var linesPerSecond = linesRead() / seconds;
        var bytesPerSecond = bytes / seconds;
        var eta = bytesPerSecond <= 0 ? "?" : Commands.Duration.Format(TimeSpan.FromSeconds(Math.Ceiling((totalBytes - bytes) / bytesPerSecond)));
        terminal.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}% {Size(bytes)}/{Size(totalBytes)} {linesPerSecond,10:N0} lines/s ETA {eta}\u001b[K"));
        terminal.Flush();
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 30):0.0} GiB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
