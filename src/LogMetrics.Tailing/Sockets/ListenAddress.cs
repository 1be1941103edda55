using System.Net;
using System.Net.Sockets;

namespace LogMetrics.Tailing.Sockets;

/// <summary>Turns unix://PATH, tcp://HOST:PORT and udp://HOST:PORT into endpoints to listen on.</summary>
internal static class ListenAddress
{
    public static EndPoint Parse(SourceSpec spec)
    {
        var rest = spec.Text[(spec.Text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (spec.Kind == SourceKind.Unix)
        {
            return new UnixDomainSocketEndPoint(rest);
        }

        var colon = rest.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(rest[(colon + 1)..], out var port))
        {
            throw new FormatException($"'{spec.Text}' lacks a port: expected {spec.Kind.ToString().ToLowerInvariant()}://HOST:PORT");
        }

        var host = rest[..colon].Trim('[', ']');
        if (host.Length == 0)
        {
            return new IPEndPoint(IPAddress.Any, port);
        }

        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First();
        return new IPEndPoint(address, port);
    }
}
