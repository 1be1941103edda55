using System.Net;
using System.Net.Sockets;

namespace LogMetrics.TestSupport;

/// <summary>A loopback port nobody listens on right now.</summary>
public static class FreePort
{
    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int Next() => Next(SocketType.Stream, ProtocolType.Tcp);

    /// <summary>A free port on 127.0.0.1 for the given socket type (UDP: SocketType.Dgram, ProtocolType.Udp).</summary>
    public static int Next(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
