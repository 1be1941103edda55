using System.Security.Authentication;
using LogMetrics.Cli.Tests.Support;
using LogMetrics.Cli.Web;

namespace LogMetrics.Cli.Tests.Web;

public sealed class WebConfigLoadTests
{
    [Fact]
    public void LoadsTlsAndUsers()
    {
        using var dir = new TempDirectory();
        var (cert, key, certificate) = Certificates.SelfSigned(dir);
        var path = dir.Write("web.yml", $"""
            tls_server_config:
              cert_file: {cert}
              key_file: {Path.GetFileName(key)}
              client_auth_type: RequireAnyClientCert
              min_version: TLS13
            basic_auth_users:
              alice: $2b$04$abcdefghijklmnopqrstuu5Gf1hQ0xNn7K7H2p6wU2lQm4Yx5Zy3a
            http_server_config:
              http2: true
            """);
        var config = WebConfig.Load(path);
        Assert.Equal(certificate.Thumbprint, config.Tls!.Certificate.Thumbprint);
        Assert.True(config.Tls.Certificate.HasPrivateKey);
        Assert.Equal(ClientAuthType.RequireAnyClientCert, config.Tls.ClientAuth);
        Assert.Equal(SslProtocols.Tls13, config.Tls.Protocols);
        Assert.Equal(["alice"], config.Users.Keys);
        Assert.Equal(["http_server_config"], config.Ignored);
        Assert.Contains(Path.GetFullPath(key), config.Files);
    }

    [Theory]
    [InlineData("tls_server_config:\n  cert_file: x.crt\n", "key_file")]
    [InlineData("tls_server_config:\n  cert_file: x.crt\n  key_file: x.key\n", "x.crt")]
    [InlineData("basic_auth_users:\n  bob: secret\n", "bcrypt")]
    [InlineData("unknown: 1\n", "unknown")]
    public void RejectsBadFiles(string yaml, string mentioned)
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<WebConfigException>(() => WebConfig.Load(dir.Write("web.yml", yaml)));
        Assert.Contains(mentioned, error.Message);
    }

    [Theory]
    [InlineData("unknown: 1\n", "unknown key 'unknown'")]
    [InlineData("tls_server_config:\n  prefer_server_cipher_suites: maybe\n", "maybe")]
    [InlineData("basic_auth_users: [1, 2]\n", "web.yml:1:")]
    [InlineData("tls_server_config:\n  client_allowed_sans: {a: b}\n", "web.yml:2:24: client_allowed_sans: value has the wrong type: expected a list of strings")]
    [InlineData("tls_server_config:\n  cert_fle: x.crt\n", "web.yml:2:3: unknown key 'cert_fle' in tls_server_config")]
    [InlineData("basic_auth_users:\n  a: x\n  a: y\n", "web.yml:3:")]
    [InlineData("tls_server_config: [1]\n", "web.yml:1:20: tls_server_config: expected a map of keys to values")]
    [InlineData("rate_limit: 5\n", "web.yml:1:13: rate_limit: expected a map")]
    [InlineData("basic_auth_users: {a: \"b\"\n", "web.yml:")]
    public void YamlErrorsNameNoDotNetType(string yaml, string mentioned)
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<WebConfigException>(() => WebConfig.Load(dir.Write("web.yml", yaml)));
        Assert.Contains(mentioned, error.Message);
        Assert.DoesNotMatch(@"System\.|LogMetrics\.|YamlDotNet|WebConfigFile|TlsServerConfig|Dictionary`|List`", error.Message);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("off", false)]
    [InlineData("FALSE", false)]
    public void BooleansAreGoYamlBooleans(string text, bool expected)
    {
        var file = WebConfigFile.Parse($"tls_server_config:\n  prefer_server_cipher_suites: {text}\n", "web.yml");
        Assert.Equal(expected, file.TlsServerConfig!.PreferServerCipherSuites);
    }

    [Fact]
    public void VerifyingClientCertificatesNeedsACa()
    {
        using var dir = new TempDirectory();
        var (cert, key, _) = Certificates.SelfSigned(dir);
        var path = dir.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n  client_auth_type: RequireAndVerifyClientCert\n");
        var error = Assert.Throws<WebConfigException>(() => WebConfig.Load(path));
        Assert.Contains("client_ca_file", error.Message);
    }

    [Fact]
    public void EmptyFileMeansNoTlsAndNoUsers()
    {
        using var dir = new TempDirectory();
        var config = WebConfig.Load(dir.Write("web.yml", ""));
        Assert.Null(config.Tls);
        Assert.Empty(config.Users);
    }
}
