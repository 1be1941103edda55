using System.Text.RegularExpressions;
using BCrypt.Net;

namespace LogMetrics.Cli.Web;

/// <summary>Checks passwords against the bcrypt hashes of basic_auth_users ($2a$, $2b$, $2y$, as htpasswd -B, Python's
/// bcrypt and crypt(3) make them) with BCrypt.Net-Next.</summary>
internal static partial class Bcrypt
{
    /// <summary>False for a wrong password and for anything that is not a bcrypt hash; never throws.</summary>
    public static bool Verify(string password, string hash)
    {
        // BCrypt.Net-Next indexes past the end of some malformed hashes ("$2y$"): only well-formed ones reach it.
        if (!WellFormed().IsMatch(hash))
        {
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (Exception e) when (e is SaltParseException or HashInformationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    /// <summary>$2a$/$2b$/$2x$/$2y$, a two-digit cost, 22 characters of salt and 31 of hash, in bcrypt's base64.</summary>
    [GeneratedRegex(@"^\$2[abxy]\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}$")]
    private static partial Regex WellFormed();
}
