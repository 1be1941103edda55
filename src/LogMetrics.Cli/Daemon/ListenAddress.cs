using System.Net;

namespace LogMetrics.Cli.Daemon;

/// <summary>Parses --listen HOST:PORT (IPv6 hosts in brackets; "localhost" allowed).</summary>
internal static class ListenAddress
{
    public static bool TryParse(string text, out IPEndPoint? endpoint, out bool localhost)
    {
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
}
