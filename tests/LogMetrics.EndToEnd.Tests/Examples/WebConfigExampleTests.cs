using System.Net;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>
/// examples/web-config.yml names its certificate relative to itself, so it is checked in a copy next to a
/// certificate made for it: promtool accepts it, and the daemon serves it with the documented password.
/// </summary>
public sealed class WebConfigExampleTests(ITestOutputHelper output)
{
    private const string DocumentedUser = "prometheus";
    private const string DocumentedPassword = "change-me";

    [Fact(Timeout = 60_000)]
    public async Task Promtool_accepts_it_and_the_daemon_serves_it()
    {
        using var temp = new TempDirectory("web-example");
        var config = temp["web-config.yml"];
        File.Copy(Repository.PathOf("examples/web-config.yml"), config);
        var tlsSettings = Yaml.Load(config).Map("tls_server_config");
        Assert.False(Path.IsPathRooted(tlsSettings.Scalar("cert_file")));
        var tls = await TestCertificate.CreateAsync(temp.Path, Path.GetFileNameWithoutExtension(tlsSettings.Scalar("cert_file")));
        Assert.Equal(config.Replace("web-config.yml", tlsSettings.Scalar("key_file"), StringComparison.Ordinal), tls.KeyFile);

        var check = await CommandRunner.RunAsync(Tool.Require("promtool"), ["check", "web-config", config]);
        output.WriteLine(check.ToString());
        Assert.Equal(0, check.ExitCode);

        var log = temp["access.log"];
        File.WriteAllText(log, "");
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions
            {
                Programs = TestPrograms.Directory(temp, TestPrograms.NginxStatus),
                Logs = [log],
                WebConfigFile = config,
                TrustedCertificate = tls.Certificate,
                Credentials = new NetworkCredential(DocumentedUser, DocumentedPassword),
            },
            output);
        using var authorized = await daemon.Http.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);

        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = LogMetricsDaemon.TrustOnly(tls.Certificate);
        using var anonymous = new HttpClient(handler) { BaseAddress = daemon.BaseAddress };
        using var refused = await anonymous.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
