using System.Net.Http.Headers;
using System.Text;
using LogMetrics.Cli.Tests.Support;
using LogMetrics.Cli.Web;

namespace LogMetrics.Cli.Tests.Web;

public sealed class BcryptTests
{
    [Fact]
    public void VerifiesAgainstALibxcryptHash()
    {
        var hash = Certificates.BcryptHash("pw");
        Assert.True(Bcrypt.Verify("pw", hash));
        Assert.False(Bcrypt.Verify("pW", hash));
        Assert.False(Bcrypt.Verify("pw", "not a hash"));
    }

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

    private static string Basic(string user, string password) =>
        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))).ToString();
}
