using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Daemon;

public sealed class DaemonTests
{
    [Fact]
    public async Task ServesHealthReadyAndProgramMetrics()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web.rules", Programs.Web);
        var log = dir.Write("logs/access.log", Programs.WebLog);
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);

        Assert.Equal(HttpStatusCode.OK, (await daemon.GetAsync("/-/healthy")).StatusCode);
        await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);
        await daemon.WaitForValueAsync("requests_total", 2, ("method", "GET"), ("prog", "web.rules"));

        File.AppendAllText(log, "GET /d 1\n");
        await daemon.WaitForValueAsync("requests_total", 3, ("method", "GET"));
    }

    [Fact]
    public async Task MetricsNegotiatesPrometheusTextAndOpenMetrics()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();

        var text = await daemon.GetAsync("/metrics");
        Assert.Equal("text/plain", text.Content.Headers.ContentType!.MediaType);
        Assert.Contains(text.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");

        var openMetrics = await daemon.GetAsync("/metrics", r => r.Headers.TryAddWithoutValidation(
            "Accept",
            "application/openmetrics-text;version=1.0.0;escaping=allow-utf8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.2,*/*;q=0.1"));
        Assert.Equal("application/openmetrics-text", openMetrics.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("# EOF\n", await openMetrics.Content.ReadAsStringAsync());

        var refused = await daemon.GetAsync("/metrics", r => r.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;q=0,text/plain;q=0.5"));
        Assert.Equal("text/plain", refused.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task MetricsAreGzippedWhenAsked()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();

        var response = await daemon.GetAsync("/metrics", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip"));
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var text = await new StreamReader(gzip).ReadToEndAsync();
        Assert.Equal(2, ExpositionParser.Value(text, "requests_total", ("method", "GET")));
    }

    [Fact]
    public async Task JsonAndLandingPage()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        dir.Write("progs/broken.rules", Programs.Broken);
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();

        var json = await daemon.GetAsync("/json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        using (JsonDocument.Parse(await json.Content.ReadAsStringAsync()))
        {
        }

        var page = await daemon.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("web.rules", html);
        Assert.Contains("broken.rules", html);
        Assert.Matches(@"broken\.rules:\d+:\d+: error LM\d{4}", html);
        Assert.Contains("access.log", html);
        Assert.Contains("href=\"/metrics\"", html);
    }

    [Fact]
    public async Task SelfMetricsAreExposed()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        var text = await daemon.WaitForValueAsync("logmetrics_log_lines_total", 4, ("log", log));
        Assert.Equal(0, ExpositionParser.Value(text, "logmetrics_log_lag_bytes", ("log", log)));
        Assert.Equal(2, ExpositionParser.Value(text, "logmetrics_metric_series", ("metric", "requests_total"), ("program", "web.rules")));
        Assert.Equal(0, ExpositionParser.Value(text, "logmetrics_metric_series_dropped_total", ("metric", "requests_total"), ("program", "web.rules")));
        Assert.Contains(ExpositionParser.Parse(text), s => s.Name == "logmetrics_build_info" && s.Value == 1);
    }

    [Fact]
    public async Task PromtoolFindsNothingToCriticise()
    {
        Assert.True(File.Exists("/usr/bin/promtool"), "promtool is required at /usr/bin/promtool");
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        dir.Write("progs/lines.rules", Programs.Lines);
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        var text = await daemon.WaitForWebLogAsync();

        var info = new ProcessStartInfo("/usr/bin/promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var promtool = Process.Start(info)!;
        await promtool.StandardInput.WriteAsync(text);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Assert.True(promtool.ExitCode == 0, $"promtool: {output}\n--- scrape\n{text}");
    }

    [Fact]
    public async Task SigtermExitsZeroWithinFiveSeconds()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);

        var stopwatch = Stopwatch.StartNew();
        var exitCode = await daemon.StopAsync(TimeSpan.FromSeconds(10));
        Assert.True(exitCode == 0, daemon.Stderr);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task PortInUseIsAStartupError()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("web.rules", Programs.Web);
        var log = dir.Write("access.log", Programs.WebLog);
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--listen", $"127.0.0.1:{port}"], timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("address already in use", result.Stderr);
    }

    [Fact]
    public async Task JsonLogFormatWritesJsonLines()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log, ["--log-format", "json"]);
        await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);
        Assert.Equal(0, await daemon.StopAsync(TimeSpan.FromSeconds(10)));
        var lines = daemon.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("MessageTemplate", out _), line);
        }
    }
}
