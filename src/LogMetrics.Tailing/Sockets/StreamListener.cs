using System.Net;
using System.Net.Sockets;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Sockets;

/// <summary>Listens on a unix or TCP stream socket; each connection is split into lines, the remainder flushed on close.</summary>
internal sealed class StreamListener(string name, EndPoint endpoint, FollowContext ctx) : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly object _sinkGate = new();
    private Socket? _socket;

    public SourceCounters Counters { get; } = new(name);

    /// <summary>Binds now, so connections are accepted as soon as start returns.</summary>
    public void Bind()
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, endpoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp);
        try
        {
            if (endpoint is UnixDomainSocketEndPoint unix)
            {
                // A socket file left by an earlier run would make bind fail.
                var path = unix.ToString();
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(endpoint);
            socket.Listen(128);
            _socket = socket;
            ctx.Log.Information("Listening on {Source}", name);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var connections = new List<Task>();
        var backoffMs = 100;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (_socket is null)
                {
                    Bind();
                }

                var connection = await _socket!.AcceptAsync(ct).ConfigureAwait(false);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(HandleAsync(connection, ct));
                backoffMs = 100;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex)
            {
                Counters.AddOpenError();
                ctx.Log.Warning("Listening on {Source} failed, retrying: {Reason}", name, ex.Message);
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

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _socket?.Dispose();
        if (endpoint is UnixDomainSocketEndPoint unix)
        {
            try
            {
                File.Delete(unix.ToString());
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task HandleAsync(Socket connection, CancellationToken ct)
    {
        var splitter = new LineSplitter(name, ctx.Options.MaxLineBytes, ChunkBytes, Counters);
        var pipeline = SourcePipeline.Build(ctx.Options.Format, ctx.Sink, Counters, ctx.Options.MaxLineBytes);
        try
        {
            using (connection)
            {
                while (!ct.IsCancellationRequested)
                {
                    var n = await connection.ReceiveAsync(splitter.GetWriteMemory(), SocketFlags.None, ct).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    Counters.AddBytes(n);
                    lock (_sinkGate)
                    {
                        splitter.Commit(n, pipeline);
                    }
                }

                lock (_sinkGate)
                {
                    splitter.Flush(pipeline);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            ctx.Log.Warning("A connection to {Source} failed: {Reason}", name, ex.Message);
        }
        finally
        {
            splitter.Release();
        }
    }
}
