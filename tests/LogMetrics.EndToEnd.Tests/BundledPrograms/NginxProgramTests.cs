using System.Globalization;
using System.Text.RegularExpressions;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.BundledPrograms;

/// <summary>
/// programs/nginx (the default program of the Docker, compose and Kubernetes examples) on real nginx traffic: the
/// response bytes it exports are the sum of $body_bytes_sent in the access log, per method and status, not 0.
/// </summary>
public sealed partial class NginxProgramTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Response_bytes_are_the_body_bytes_nginx_logged()
    {
        using var temp = new TempDirectory("nginx-program");
        await using var nginx = await NginxServer.StartAsync(temp.Subdirectory("nginx"), output);
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions { Programs = Repository.PathOf("programs/nginx"), Logs = [nginx.AccessLog], FromStart = true },
            output);

        using var traffic = new TrafficGenerator(nginx.BaseAddress);
        await traffic.SendAsync(200, 200);
        await AccessLog.WaitForLinesAsync(traffic.Totals.Answered, nginx.AccessLog);

        var expected = new Dictionary<(string Method, string Code), double>();
        foreach (var line in File.ReadLines(nginx.AccessLog))
        {
            var match = CombinedLine().Match(line);
            Assert.True(match.Success, line);
            var key = (match.Groups["method"].Value, match.Groups["status"].Value);
            expected[key] = expected.GetValueOrDefault(key) + double.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture);
        }

        Assert.True(expected.Values.Sum() > 0, "nginx sent no body bytes");
        var samples = await Poll.UntilAsync(
            "logmetrics to export nginx's body bytes",
            daemon.ScrapeSamplesAsync,
            s => ExpositionParser.Sum(s, "nginx_http_response_size_bytes_total") == expected.Values.Sum(),
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(200),
            () => daemon.OutputTail);
        var actual = samples
            .Where(s => s.Name == "nginx_http_response_size_bytes_total")
            .ToDictionary(s => (s.Labels["method"], s.Labels["code"]), s => s.Value);
        Assert.Equal(expected, actual);
    }

    [GeneratedRegex("""^\S+ - \S+ \[[^\]]+\] "(?<method>[A-Z]+) [^"]*" (?<status>\d{3}) (?<bytes>\d+) """)]
    private static partial Regex CombinedLine();
}
