using System.Net;
using System.Net.Sockets;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Sockets;

/// <summary>Listens on a UDP socket; each datagram is a record: its lines, the last one even without a newline.</summary>
internal sealed class DatagramListener(string name, EndPoint endpoint, FollowContext ctx) : IDisposable
{
    private const int DatagramBytes = 64 * 1024;

    private Socket? _socket;

    public SourceCounters Counters { get; } = new(name);

    public void Bind()
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(endpoint);
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
        var splitter = new LineSplitter(name, ctx.Options.MaxLineBytes, DatagramBytes, Counters);
        var pipeline = SourcePipeline.Build(ctx.Options.Format, ctx.Sink, Counters, ctx.Options.MaxLineBytes);
        var backoffMs = 100;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (_socket is null)
                {
                    Bind();
                }

                var n = await _socket!.ReceiveAsync(splitter.GetWriteMemory(), SocketFlags.None, ct).ConfigureAwait(false);
                Counters.AddBytes(n);
                splitter.Commit(n, pipeline);
                splitter.Flush(pipeline);
                backoffMs = 100;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex)
            {
                Counters.AddOpenError();
                ctx.Log.Warning("Receiving on {Source} failed, retrying: {Reason}", name, ex.Message);
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

    public void Dispose() => _socket?.Dispose();
}
