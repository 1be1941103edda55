using System.Net;
using System.Security.Authentication;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Web;

/// <summary>
/// --web.config.file with TLS (an openssl certificate) and basic auth (a bcrypt hash): the daemon refuses
/// anonymous and wrong credentials, serves the right ones, and a real Prometheus scrapes it over TLS.
/// </summary>
public sealed class WebConfigTests(ITestOutputHelper output)
{
    private const string User = "prometheus";
    private const string Password = "secret";

    [Fact(Timeout = 120_000)]
    public async Task Tls_and_basic_auth_guard_metrics_and_prometheus_scrapes_through_them()
    {
        using var temp = new TempDirectory("web");
        var tls = await TestCertificate.CreateAsync(temp.Path);
        var webConfig = temp["web-config.yml"];
        File.WriteAllText(webConfig, $"""
            tls_server_config:
              cert_file: {tls.CertificateFile}
              key_file: {tls.KeyFile}
            basic_auth_users:
              {User}: {await Bcrypt.HashAsync(Password)}

            """);
        var check = await CommandRunner.RunAsync(Tool.Require("promtool"), ["check", "web-config", webConfig]);
        output.WriteLine(check.ToString());
        Assert.Equal(0, check.ExitCode);

        await using var nginx = await NginxServer.StartAsync(temp.Subdirectory("nginx"), output);
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions
            {
                Programs = TestPrograms.Directory(temp, TestPrograms.NginxStatus),
                Logs = [nginx.AccessLog],
                WebConfigFile = webConfig,
                TrustedCertificate = tls.Certificate,
                Credentials = new NetworkCredential(User, Password),
            },
            output);
        Assert.Equal("https", daemon.BaseAddress.Scheme);

        using (var anonymous = TrustingClient(daemon, tls))
        {
            using var response = await anonymous.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        }

        using (var wrong = TrustingClient(daemon, tls))
        {
            wrong.DefaultRequestHeaders.Authorization = LogMetricsDaemon.BasicAuth(new NetworkCredential(User, "not-the-password"));
            using var response = await wrong.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var untrusting = new HttpClient { BaseAddress = daemon.BaseAddress })
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync("metrics"));
            Assert.IsAssignableFrom<AuthenticationException>(refused.InnerException);
        }

        using (var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daemon.Port}/"), Timeout = TimeSpan.FromSeconds(5) })
        {
            HttpStatusCode? status = null;
            try
            {
                using var response = await plain.GetAsync("metrics");
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // Closing a plain-text connection on a TLS port is as good as a 400.
            }

            Assert.NotEqual(HttpStatusCode.OK, status);
        }

        await using var prometheus = await PrometheusServer.StartAsync(
            temp.Subdirectory("prometheus"),
            [
                PrometheusServer.Job("logmetrics", daemon.Port,
                    "scheme: https",
                    $"tls_config:\n  ca_file: {tls.CertificateFile}",
                    $"basic_auth:\n  username: {User}\n  password: {Password}"),
                PrometheusServer.Job("logmetrics-wrong-password", daemon.Port,
                    "scheme: https",
                    $"tls_config:\n  ca_file: {tls.CertificateFile}",
                    $"basic_auth:\n  username: {User}\n  password: not-the-password"),
            ],
            output);
        await prometheus.WaitForTargetUpAsync("logmetrics", TimeSpan.FromSeconds(30));

        using var traffic = new TrafficGenerator(nginx.BaseAddress);
        await traffic.SendAsync(300, 500);
        Assert.Empty(traffic.Totals.Failures);
        var counted = await Poll.UntilAsync(
            "Prometheus, scraping over TLS with basic auth, to count all the traffic",
            () => prometheus.QueryScalarAsync("sum(http_requests_total)"),
            value => value == traffic.Totals.Answered,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(250),
            () => daemon.OutputTail);
        Assert.Equal(traffic.Totals.Answered, counted);
        Assert.Equal(0, await prometheus.QueryScalarAsync("up{job=\"logmetrics-wrong-password\"}"));

        using var authorized = await daemon.Http.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    private static HttpClient TrustingClient(LogMetricsDaemon daemon, TestCertificate tls)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = LogMetricsDaemon.TrustOnly(tls.Certificate);
        return new HttpClient(handler) { BaseAddress = daemon.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }
}
