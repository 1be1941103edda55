using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>What a traffic generator sent and got back, counted exactly.</summary>
internal sealed class TrafficTotals
{
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private int _answered;

    /// <summary>Requests that got an HTTP answer: each is one line in nginx's access log.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public IReadOnlyDictionary<int, int> ByStatus => new SortedDictionary<int, int>(_byStatus);

    public IReadOnlyCollection<string> Failures => _failures;

    public void Record(HttpStatusCode status)
    {
        _byStatus.AddOrUpdate((int)status, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _answered);
    }

    public void Fail(string message) => _failures.Enqueue(message);

    public override string ToString() =>
        $"{Answered} answered ({string.Join(", ", ByStatus.Select(p => $"{p.Key}: {p.Value}"))}), {_failures.Count} failed";
}

/// <summary>
/// A bounded load loop against nginx on loopback: a fixed number of GETs at a fixed rate from a few workers.
/// Every tenth request asks for /missing/ID (404), the rest for /r/ID (200); ids are unique per generator.
/// </summary>
internal sealed class TrafficGenerator : IDisposable
{
    private const int Workers = 4;
    private readonly HttpClient _client;
    private long _lastId;

    public TrafficGenerator(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Workers };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public TrafficTotals Totals { get; } = new();

    /// <summary>Sends <paramref name="requests"/> requests at <paramref name="perSecond"/>, and returns once all are answered.</summary>
    public async Task SendAsync(int requests, double perSecond, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests, 100_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perSecond, 5_000);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= requests || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                // Pacing, not waiting for a condition: request i goes out at i / rate.
                var due = TimeSpan.FromSeconds(index / perSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, CancellationToken.None);
                }

                await SendOneAsync(Interlocked.Increment(ref _lastId));
            }
        });
        await Task.WhenAll(workers);
    }

    public void Dispose() => _client.Dispose();

    private async Task SendOneAsync(long id)
    {
        var path = id % 10 == 0 ? $"missing/{id}" : $"r/{id}";
        try
        {
            using var response = await _client.GetAsync(path);
            Totals.Record(response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            Totals.Fail($"{path}: {e.Message}");
        }
    }
}
