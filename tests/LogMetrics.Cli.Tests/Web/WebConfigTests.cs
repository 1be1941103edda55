using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Web;

public sealed class WebConfigTests
{
    [Fact]
    public async Task BasicAuthRejectsMissingOrWrongCredentials()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/lines.rules", Programs.Lines);
        var log = dir.Write("access.log", Programs.WebLog);
        var config = dir.Write("web.yml", $"basic_auth_users:\n  prometheus: '{Certificates.BcryptHash("s3cret")}'\n");
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log, ["--web.config.file", config], waitUntilHealthy: false);

        await Poll.UntilAsync("401 without credentials", async () => (await daemon.GetAsync("/metrics")).StatusCode, s => s == HttpStatusCode.Unauthorized);
        var wrong = await daemon.GetAsync("/metrics", r => r.Headers.Authorization = Basic("prometheus", "nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var unknown = await daemon.GetAsync("/metrics", r => r.Headers.Authorization = Basic("someone", "s3cret"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var right = await daemon.GetAsync("/metrics", r => r.Headers.Authorization = Basic("prometheus", "s3cret"));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var again = await daemon.GetAsync("/-/healthy", r => r.Headers.Authorization = Basic("prometheus", "s3cret"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task UsersAreReReadWhenTheFileChanges()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/lines.rules", Programs.Lines);
        var log = dir.Write("access.log", Programs.WebLog);
        var config = dir.Write("web.yml", $"basic_auth_users:\n  alice: '{Certificates.BcryptHash("one")}'\n");
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log, ["--web.config.file", config], waitUntilHealthy: false);
        await Poll.UntilAsync("alice let in",
            async () => (await daemon.GetAsync("/-/healthy", r => r.Headers.Authorization = Basic("alice", "one"))).StatusCode, s => s == HttpStatusCode.OK);

        File.WriteAllText(config, $"basic_auth_users:\n  bob: '{Certificates.BcryptHash("two")}'\n");
        File.SetLastWriteTimeUtc(config, DateTime.UtcNow.AddSeconds(5));
        await Poll.UntilAsync("bob let in after the change",
            async () => (await daemon.GetAsync("/-/healthy", r => r.Headers.Authorization = Basic("bob", "two"))).StatusCode, s => s == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await daemon.GetAsync("/-/healthy", r => r.Headers.Authorization = Basic("alice", "one"))).StatusCode);
    }

    [Fact]
    public async Task ServesTlsWithTheConfiguredCertificate()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        var (cert, key, certificate) = Certificates.SelfSigned(dir);
        var config = dir.Write("web.yml", $"tls_server_config:\n  cert_file: {Path.GetFileName(cert)}\n  key_file: {Path.GetFileName(key)}\n  min_version: TLS12\n");
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log, ["--web.config.file", config], scheme: "https", handler: handler);
        var text = await daemon.WaitForWebLogAsync();
        Assert.NotNull(text);

        using var plain = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{daemon.Port}/metrics"));
    }

    [Fact]
    public async Task MissingCertificateIsAStartupErrorNotPlainHttp()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        var config = dir.Write("web.yml", "tls_server_config:\n  cert_file: missing.crt\n  key_file: missing.key\n");
        var port = FreePort.Next();
        var result = await LogMetricsCli.RunAsync(
            ["run", "--progs", dir["progs"], "--logs", log, "--listen", $"127.0.0.1:{port}", "--web.config.file", config],
            timeout: TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing.crt", result.Stderr);
    }

    [Theory]
    [InlineData("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: Sometimes\n")]
    [InlineData("basic_auth_users:\n  alice: plaintext\n")]
    [InlineData("no_such_key: 1\n")]
    [InlineData("basic_auth_users: [\n")]
    public async Task BadWebConfigIsAStartupError(string yaml)
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        var config = dir.Write("web.yml", yaml);
        var result = await LogMetricsCli.RunAsync(
            ["run", "--progs", dir["progs"], "--logs", log, "--listen", $"127.0.0.1:{FreePort.Next()}", "--web.config.file", config],
            timeout: TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("web.yml", result.Stderr);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
