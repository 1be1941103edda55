using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace LogMetrics.Cli.Web;

/// <summary>
/// Checks an Authorization header against basic_auth_users. A successful (user, password, hash) check is cached by a
/// SHA-256 of the password, so a scrape does not pay bcrypt's cost each time (as exporter-toolkit does).
/// </summary>
internal sealed class BasicAuthenticator
{
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    public bool IsAuthorized(string? authorization, IReadOnlyDictionary<string, string> users)
    {
        if (users.Count == 0)
        {
            return true;
        }

        if (!TryParse(authorization, out var user, out var password) || !users.TryGetValue(user, out var hash))
        {
            return false;
        }

        var key = user + "\n" + hash + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        if (_verified.ContainsKey(key))
        {
            return true;
        }

        if (!Bcrypt.Verify(password, hash))
        {
            return false;
        }

        if (_verified.Count > 1024)
        {
            _verified.Clear();
        }

        _verified[key] = true;
        return true;
    }

    private static bool TryParse(string? header, out string user, out string password)
    {
        user = password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
