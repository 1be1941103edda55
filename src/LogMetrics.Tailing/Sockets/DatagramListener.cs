using System.Net;
using System.Net.Sockets;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Sockets;

/// <summary>Listens on a UDP socket; each datagram is a record: its lines, the last one even without a newline.</summary>
internal sealed class DatagramListener(string name, EndPoint endpoint, FollowContext ctx) : SocketListener(name, endpoint, ctx)
{
    private const int DatagramBytes = 64 * 1024;

    public override Task RunAsync(CancellationToken ct)
    {
        var splitter = new LineSplitter(Name, Context.Options.MaxLineBytes, DatagramBytes, Counters);
        var pipeline = SourcePipeline.Build(Context.Options.Format, Context.Sink, Counters, Context.Options.MaxLineBytes);
        return ServeAsync(
            async (socket, token) =>
            {
                var n = await socket.ReceiveAsync(splitter.GetWriteMemory(), SocketFlags.None, token).ConfigureAwait(false);
                Counters.AddBytes(n);
                splitter.Commit(n, pipeline);
                splitter.Flush(pipeline);
            },
            ct);
    }

    protected override Socket CreateSocket() => new(Endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);

    protected override void Bind(Socket socket) => socket.Bind(Endpoint);

    protected override void LogFailure(Exception ex) =>
        Context.Log.Warning("Receiving on {Source} failed, retrying: {Reason}", Name, ex.Message);
}
