using System.Diagnostics;

namespace LogMetrics.TestSupport;

/// <summary>Thrown by a probe when waiting longer cannot help (the process died).</summary>
public sealed class PollAbortedException(string message) : Exception(message);

/// <summary>Polls a probe until a condition holds or a deadline passes; the only way the tests wait.</summary>
public static class Poll
{
    /// <summary>The deadline when a test names none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> UntilAsync<T>(
        string what,
        Func<Task<T>> probe,
        Func<T, bool> done,
        TimeSpan? timeout = null,
        TimeSpan? interval = null,
        Func<string>? diagnostics = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var last = "no answer yet";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }

                last = $"last value: {Describe(value)}";
            }
            catch (PollAbortedException)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException or FormatException)
            {
                last = $"last error: {e.GetType().Name}: {e.Message}";
            }

            if (DateTime.UtcNow >= deadline)
            {
                var extra = diagnostics is null ? "" : "\n" + diagnostics();
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; {last}{extra}");
            }

            await Task.Delay(pause);
        }
    }

    public static Task UntilAsync(string what, Func<Task<bool>> probe, TimeSpan? timeout = null, TimeSpan? interval = null, Func<string>? diagnostics = null) =>
        UntilAsync(what, probe, ok => ok, timeout, interval, diagnostics);

    public static Task UntilAsync(string what, Func<bool> probe, TimeSpan? timeout = null, TimeSpan? interval = null, Func<string>? diagnostics = null) =>
        UntilAsync(what, () => Task.FromResult(probe()), ok => ok, timeout, interval, diagnostics);

    /// <summary>Waits until the value meets <paramref name="reached"/>, then until it has not changed for <paramref name="quiet"/>.</summary>
    public static async Task<T> UntilStableAsync<T>(
        string what,
        Func<Task<T>> probe,
        Func<T, bool> reached,
        TimeSpan timeout,
        TimeSpan quiet,
        Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await UntilAsync(what, probe, reached, timeout, diagnostics: diagnostics);
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{what}: still changing after {timeout.TotalSeconds:0.#} s; last value {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
            var value = await probe();
            if (!EqualityComparer<T>.Default.Equals(value, last))
            {
                last = value;
                since = DateTime.UtcNow;
            }
        }

        return last;
    }

    /// <summary>Blocks until <paramref name="condition"/> holds, for tests that watch a thread rather than await a task.</summary>
    public static void Until(string what, Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}");
            }

            Thread.Sleep(5);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Take(20)) + "]",
        _ => value.ToString() ?? "",
    };
}
