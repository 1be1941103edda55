using System.Diagnostics;

namespace LogMetrics.Tailing.Tests.Support;

/// <summary>Polls a condition until a deadline; tests never sleep blindly.</summary>
internal static class Wait
{
    public static void Until(Func<bool> condition, string what, double seconds = 10)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed.TotalSeconds > seconds)
            {
                throw new TimeoutException($"Timed out after {seconds}s waiting for {what}");
            }

            Thread.Sleep(5);
        }
    }
}
