using System.Net;
using System.Net.Sockets;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Sockets;

/// <summary>Listens on a UDP socket; each datagram is a record: its lines, the last one even without a newline.</summary>
internal sealed class DatagramListener(string name, EndPoint endpoint, FollowContext ctx) : SocketListener(name, endpoint, ctx)
{
    private const int DatagramBytes = 64 * 1024;
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(250);

    public override Task RunAsync(CancellationToken ct)
    {
        var splitter = new LineSplitter(Name, Context.Options.MaxLineBytes, DatagramBytes, Counters);
        var pipeline = SourcePipeline.Build(Name, Context.Options, Context.Sink, Counters, Context.Log);
        Task<int>? receiving = null;
        return ServeAsync(
            async (socket, token) =>
            {
                receiving ??= socket.ReceiveAsync(splitter.GetWriteMemory(), SocketFlags.None, token).AsTask();
                if (pipeline.HoldsLines && await Task.WhenAny(receiving, Task.Delay(IdleCheck, token)).ConfigureAwait(false) != receiving)
                {
                    // A multiline record may be waiting for a datagram that does not come.
                    pipeline.FlushIdle();
                    return;
                }

                int n;
                try
                {
                    n = await receiving.ConfigureAwait(false);
                }
                finally
                {
                    receiving = null;
                }

                Counters.AddBytes(n);
                splitter.Commit(n, pipeline.Head);
                splitter.Flush(pipeline.Head);
            },
            ct);
    }

    protected override Socket CreateSocket() => new(Endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);

    protected override void Bind(Socket socket) => socket.Bind(Endpoint);

    protected override void LogFailure(Exception ex) =>
        Context.Log.Warning("Receiving on {Source} failed, retrying: {Reason}", Name, ex.Message);
}
