using System.Net;
using System.Net.Sockets;

namespace LogMetrics.Tailing.Sockets;

/// <summary>A listening socket source: bound at start, and bound again with backoff whenever serving it fails.</summary>
internal abstract class SocketListener(string name, EndPoint endpoint, FollowContext ctx) : IDisposable
{
    private Socket? _socket;

    public SourceCounters Counters { get; } = new(name);

    protected string Name => name;

    protected EndPoint Endpoint => endpoint;

    protected FollowContext Context => ctx;

    /// <summary>Binds now, so the source is open as soon as start returns.</summary>
    public void Bind()
    {
        var socket = CreateSocket();
        try
        {
            Bind(socket);
            _socket = socket;
            ctx.Log.Information("Listening on {Source}", name);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public abstract Task RunAsync(CancellationToken ct);

    public virtual void Dispose() => _socket?.Dispose();

    protected abstract Socket CreateSocket();

    /// <summary>Readies a new socket and binds it to <see cref="Endpoint"/>.</summary>
    protected abstract void Bind(Socket socket);

    /// <summary>Logs a failure of <see cref="RunAsync"/>'s serving step, after which the socket is bound again.</summary>
    protected abstract void LogFailure(Exception ex);

    /// <summary>Calls <paramref name="serve"/> with the bound socket until cancelled; a failure closes the socket and binds it again after a backoff.</summary>
    protected async Task ServeAsync(Func<Socket, CancellationToken, Task> serve, CancellationToken ct)
    {
        var backoffMs = 100;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (_socket is null)
                {
                    Bind();
                }

                await serve(_socket!, ct).ConfigureAwait(false);
                backoffMs = 100;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex)
            {
                Counters.AddOpenError();
                LogFailure(ex);
                _socket?.Dispose();
                _socket = null;
                try
                {
                    await Task.Delay(backoffMs, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoffMs = Math.Min(backoffMs * 2, 5000);
            }
        }
    }
}
