using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using LogMetrics.Cli.Tests.Support;
using LogMetrics.Cli.Web;

namespace LogMetrics.Cli.Tests.Web;

public sealed class BcryptTests
{
    /// <summary>Hashes as operators make them for basic_auth_users: the exporter-toolkit docs' htpasswd -B and Python's
    /// bcrypt, and crypt(3) through Python's crypt module (libxcrypt).</summary>
    public static TheoryData<string> Makers => new() { "htpasswd", "python-bcrypt", "crypt" };

    [Theory]
    [MemberData(nameof(Makers))]
    public void Verifies_hashes_made_by_the_usual_tools(string maker)
    {
        var hash = Hash(maker, "pä ss:wörd");
        Assert.StartsWith("$2", hash, StringComparison.Ordinal);
        Assert.True(Bcrypt.Verify("pä ss:wörd", hash));
        Assert.False(Bcrypt.Verify("pä ss:wörD", hash));
        Assert.False(Bcrypt.Verify("", hash));
    }

    [Theory]
    // Published vectors (OpenBSD's and jBCrypt's), one per prefix.
    [InlineData("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC")]
    public void Verifies_published_vectors(string password, string hash)
    {
        Assert.True(Bcrypt.Verify(password, hash));
        Assert.False(Bcrypt.Verify(password + "x", hash));
    }

    [Theory]
    [InlineData("not a hash")]
    [InlineData("")]
    [InlineData("$2y$")]
    [InlineData("$2y$04$tooshort")]
    [InlineData("$2y$99$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("$2y$03$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0")]
    [InlineData("$1$md5salt$0123456789abcdefghij")]
    [InlineData("{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=")]
    public void Refuses_what_is_not_a_bcrypt_hash_without_throwing(string hash) => Assert.False(Bcrypt.Verify("password", hash));

    [Fact]
    public void AuthenticatorChecksUsersAndHeaders()
    {
        var users = new Dictionary<string, string> { ["alice"] = Certificates.BcryptHash("pw") };
        var authenticator = new BasicAuthenticator();
        Assert.True(authenticator.IsAuthorized(null, new Dictionary<string, string>()));
        Assert.False(authenticator.IsAuthorized(null, users));
        Assert.False(authenticator.IsAuthorized("Bearer abc", users));
        Assert.False(authenticator.IsAuthorized("Basic !!!", users));
        Assert.False(authenticator.IsAuthorized(Basic("alice", "wrong"), users));
        Assert.True(authenticator.IsAuthorized(Basic("alice", "pw"), users));
        Assert.True(authenticator.IsAuthorized(Basic("alice", "pw"), users));
        Assert.False(authenticator.IsAuthorized(Basic("alice", "pw"), new Dictionary<string, string> { ["alice"] = Certificates.BcryptHash("other") }));
    }

    private static string Hash(string maker, string password) => maker switch
    {
        // htpasswd prints user:hash.
        "htpasswd" => Run("htpasswd", "-nbB", "-C", "5", "u", password).Trim().Split(':', 2)[1],
        // Debian's python3-bcrypt belongs to Debian's interpreter, whatever python3 is first on PATH.
        "python-bcrypt" => Run("/usr/bin/python3", "-c",
            "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(rounds=5)).decode())", password).Trim(),
        _ => Certificates.BcryptHash(password),
    };

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {stderr}");
        return stdout;
    }

    private static string Basic(string user, string password) =>
        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))).ToString();
}
