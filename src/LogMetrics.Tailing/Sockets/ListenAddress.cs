using System.Net;
using System.Net.Sockets;

namespace LogMetrics.Tailing.Sockets;

/// <summary>The one parser of listen addresses: HOST:PORT (the HTTP server's --listen) and the socket sources
/// unix://PATH, tcp://HOST:PORT and udp://HOST:PORT.</summary>
public static class ListenAddress
{
    /// <summary>Parses HOST:PORT: IPv6 hosts in brackets, an empty host for every interface, "localhost" for the
    /// loopback (reported in <paramref name="localhost"/>); no name lookup.</summary>
    public static bool TryParse(string text, out IPEndPoint? endpoint, out bool localhost)
    {
        ArgumentNullException.ThrowIfNull(text);
        localhost = false;
        endpoint = null;
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port is < 0 or > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (host.Length == 0)
        {
            endpoint = new IPEndPoint(IPAddress.Any, port);
            return true;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            localhost = true;
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>The endpoint a socket source listens on; a host name (not an address) is looked up here.</summary>
    internal static EndPoint Parse(SourceSpec spec)
    {
        var rest = spec.Text[(spec.Text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (spec.Kind == SourceKind.Unix)
        {
            return new UnixDomainSocketEndPoint(rest);
        }

        if (TryParse(rest, out var endpoint, out _))
        {
            return endpoint!;
        }

        var colon = rest.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(rest[(colon + 1)..], out var port) || port is < 0 or > 65535)
        {
            throw new FormatException($"'{spec.Text}' lacks a port: expected {spec.Kind.ToString().ToLowerInvariant()}://HOST:PORT");
        }

        return new IPEndPoint(Dns.GetHostAddresses(rest[..colon].Trim('[', ']')).First(), port);
    }
}
