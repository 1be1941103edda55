namespace LogMetrics.Cli.Tests.Support;

/// <summary>Polls a condition until a deadline; tests never sleep a fixed time.</summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        T last;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                last = default!;
                lastError = e;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"timed out waiting for {what}; last value: {last}; last error: {lastError?.Message}");
            }

            await Task.Delay(50);
        }
    }
}
