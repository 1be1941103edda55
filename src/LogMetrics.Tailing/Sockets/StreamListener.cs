using System.Net;
using System.Net.Sockets;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Sockets;

/// <summary>Listens on a unix or TCP stream socket; each connection is split into lines, the remainder flushed on close.</summary>
internal sealed class StreamListener(string name, EndPoint endpoint, FollowContext ctx) : SocketListener(name, endpoint, ctx)
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(250);

    private readonly object _sinkGate = new();

    public override async Task RunAsync(CancellationToken ct)
    {
        var connections = new List<Task>();
        await ServeAsync(
            async (socket, token) =>
            {
                var connection = await socket.AcceptAsync(token).ConfigureAwait(false);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(HandleAsync(connection, token));
            },
            ct).ConfigureAwait(false);
        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (Endpoint is UnixDomainSocketEndPoint unix)
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

    protected override Socket CreateSocket() =>
        new(Endpoint.AddressFamily, SocketType.Stream, Endpoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp);

    protected override void Bind(Socket socket)
    {
        if (Endpoint is UnixDomainSocketEndPoint unix)
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

        socket.Bind(Endpoint);
        socket.Listen(128);
    }

    protected override void LogFailure(Exception ex) =>
        Context.Log.Warning("Listening on {Source} failed, retrying: {Reason}", Name, ex.Message);

    private async Task HandleAsync(Socket connection, CancellationToken ct)
    {
        var splitter = new LineSplitter(Name, Context.Options.MaxLineBytes, ChunkBytes, Counters);
        var pipeline = SourcePipeline.Build(Name, Context.Options, Context.Sink, Counters, Context.Log);
        try
        {
            using (connection)
            {
                while (!ct.IsCancellationRequested)
                {
                    var receiving = connection.ReceiveAsync(splitter.GetWriteMemory(), SocketFlags.None, ct).AsTask();
                    while (pipeline.HoldsLines && await Task.WhenAny(receiving, Task.Delay(IdleCheck, ct)).ConfigureAwait(false) != receiving)
                    {
                        // A multiline record may be waiting for a line that does not come.
                        lock (_sinkGate)
                        {
                            pipeline.FlushIdle();
                        }
                    }

                    var n = await receiving.ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    Counters.AddBytes(n);
                    lock (_sinkGate)
                    {
                        splitter.Commit(n, pipeline.Head);
                    }
                }

                lock (_sinkGate)
                {
                    splitter.Flush(pipeline.Head);
                    pipeline.Flush();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            Context.Log.Warning("A connection to {Source} failed: {Reason}", Name, ex.Message);
        }
        finally
        {
            splitter.Release();
        }
    }
}
