using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Webhook;

/// <summary>The webhook input on a real daemon (Kestrel on 127.0.0.1): every body format, bad bodies, basic auth.</summary>
public sealed class WebhookTests
{
    private const string Program = """
        counter events_total by outcome
        /checkout (?P<outcome>\w+)/ {
          events_total[$outcome]++
        }
        """;

    public static TheoryData<string, string, string, string, int> Formats() => new()
    {
        // format, extra flag value (selector or separator), body, expected outcome label, expected count
        { "text_single", "", "  checkout ok  \n", "ok", 1 },
        { "text_bulk", "", "checkout ok\n\ncheckout ok\n\ncheckout failed\n", "ok", 2 },
        { "json_single", ".message", "{\"message\": \"checkout ok\"}", "ok", 1 },
        { "json_bulk", ".log.msg", "[{\"log\": {\"msg\": \"checkout ok\"}}, {\"log\": {\"msg\": \"checkout ok\"}}]", "ok", 2 },
        { "json_lines", ".lines[1]", "{\"lines\": [\"x\", \"checkout ok\"]}\n\n{\"lines\": [\"y\", \"checkout ok\"]}\n", "ok", 2 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_format_feeds_its_lines_to_the_programs(string format, string selector, string body, string outcome, int count)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("events.rules", Program);
        List<string> args = ["run", "--progs", program, "--webhook", "/hook", "--webhook-format", format];
        if (selector.Length > 0)
        {
            args.AddRange(["--webhook-json-selector", selector]);
        }

        await using var daemon = await DaemonProcess.StartWithArgsAsync(args);
        await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);
        var response = await daemon.Client.PostAsync(daemon.Url("/hook"), new StringContent(body, Encoding.UTF8));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await daemon.WaitForValueAsync("events_total", count, ("outcome", outcome), ("prog", "events.rules"));
        await daemon.WaitForValueAsync("logmetrics_webhook_requests_total", 1, ("status", "ok"));
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "json_single", "{\"message\": ", "invalid JSON" },
        { "json_single", "{\"other\": \"x\"}", "no field .message" },
        { "json_single", "{\"message\": {\"nested\": 1}}", ".message is object, not a string" },
        { "json_bulk", "{\"message\": \"not an array\"}", "json_bulk expects a JSON array" },
        { "json_bulk", "[{\"message\": \"ok\"}, 3]", "element 1: no field .message" },
        { "json_lines", "{\"message\": \"checkout ok\"}\nnot json\n", "line 2: invalid JSON" },
        { "text_single", "\u00ff", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_gets_400_is_counted_and_nothing_of_it_is_used(string format, string body, string error)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("events.rules", Program);
        await using var daemon = await DaemonProcess.StartWithArgsAsync(["run", "--progs", program, "--webhook", "/hook", "--webhook-format", format]);
        await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);
        var content = format == "text_single"
            ? new ByteArrayContent([0xff, 0xfe, 0x20])
            : new StringContent(body, Encoding.UTF8);
        var response = await daemon.Client.PostAsync(daemon.Url("/hook"), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(format == "text_single" ? "not UTF-8" : error, await response.Content.ReadAsStringAsync());
        var metrics = await daemon.WaitForValueAsync("logmetrics_webhook_requests_total", 1, ("status", "bad"));
        Assert.DoesNotContain("events_total{", metrics);

        // The daemon keeps serving: a good body right after is taken.
        var good = format == "text_single" ? "checkout ok" : format == "json_bulk" ? "[{\"message\": \"checkout ok\"}]" : "{\"message\": \"checkout ok\"}";
        Assert.Equal(HttpStatusCode.OK, (await daemon.Client.PostAsync(daemon.Url("/hook"), new StringContent(good))).StatusCode);
        await daemon.WaitForValueAsync("events_total", 1, ("outcome", "ok"), ("prog", "events.rules"));
    }

    [Fact]
    public async Task The_webhook_is_behind_the_same_basic_auth_as_metrics()
    {
        using var dir = new TempDirectory();
        var program = dir.Write("events.rules", Program);
        var web = dir.Write("web.yml", $"basic_auth_users:\n  sender: '{Certificates.BcryptHash("s3cret")}'\n");
        await using var daemon = await DaemonProcess.StartWithArgsAsync(
            ["run", "--progs", program, "--webhook", "/hook", "--web.config.file", web], waitUntilHealthy: false);
        var anonymous = await Poll.UntilAsync(
            "the daemon to answer",
            async () =>
            {
                try
                {
                    return (await daemon.Client.PostAsync(daemon.Url("/hook"), new StringContent("checkout ok"))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            },
            s => s != HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);

        // 503 until the programs are loaded, then 200.
        var authorized = await Poll.UntilAsync(
            "the webhook to be ready",
            async () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, daemon.Url("/hook")) { Content = new StringContent("checkout ok") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sender:s3cret")));
                return (await daemon.Client.SendAsync(request)).StatusCode;
            },
            s => s != HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, authorized);
    }

    [Fact]
    public async Task A_grok_exporter_webhook_config_runs_with_run_config()
    {
        var example = Repository.PathOf("examples", "grok_exporter", "webhook_json");
        await using var daemon = await DaemonProcess.StartWithArgsAsync(["run", "--config", Path.Combine(example, "config.yml")]);
        await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);
        var response = await daemon.Client.PostAsync(daemon.Url("/webhook"), new StringContent(File.ReadAllText(Path.Combine(example, "events.ndjson"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await daemon.WaitForValueAsync("checkout_amount_euros_count", 3);
        // Each metric is a program of its own (grok_exporter counts each metric apart), and each takes the records in
        // its own time: wait for the other one's four events too before comparing.
        var text = await Poll.UntilAsync(
            "checkout_events_total to count the four events",
            () => daemon.GetStringAsync("/metrics"),
            t => ExpositionParser.Sum(ExpositionParser.Parse(t), "checkout_events_total") == 4);
        var exposition = string.Join("", text.Split('\n')
            .Where(l => l.Length > 0 && !IsDaemonsOwn(l))
            .Select(l => l + "\n"));
        Assert.Equal(File.ReadAllText(Path.Combine(example, "expected.prom")), exposition);
    }

    // grok_exporter's .extra: the JSON object of each record (for json_bulk {"x": the element}, as its webhook wraps it).
    public static TheoryData<string, string, string> ExtraFormats() => new()
    {
        { "json_single", "{{index .extra \"user\"}}", "{\"message\": \" Login ok \", \"user\": \"skeen\", \"ip\": \"1.1.1.1\", \"role\": \"admin\"}" },
        { "json_lines", "{{.extra.user}}", "{\"message\": \"Login ok\", \"user\": \"skeen\", \"ip\": \"1.1.1.1\", \"role\": \"admin\"}\n{\"message\": \"Login failed\", \"ip\": \"2.2.2.2\"}\n" },
        { "json_bulk", "{{index .extra \"x\" \"user\"}}", "[{\"message\": \"Login ok\", \"user\": \"skeen\", \"ip\": \"1.1.1.1\", \"role\": \"admin\"}, {\"message\": \"Login failed\", \"ip\": \"2.2.2.2\"}]" },
    };

    [Theory]
    [MemberData(nameof(ExtraFormats))]
    public async Task Templates_read_the_webhook_json_object_as_extra_with_run_config_and_after_import(string format, string userTemplate, string body)
    {
        using var dir = new TempDirectory();
        var ip = format == "json_bulk" ? "{{index .extra \"x\" \"ip\"}}" : "{{index .extra \"ip\"}}";
        var role = format == "json_bulk" ? "(index .extra \"x\" \"role\")" : "(index .extra \"role\")";
        var config = dir.Write("config.yml", $$$"""
            global:
              config_version: 3
            input:
              type: webhook
              webhook_format: {{{format}}}
            metrics:
              - type: counter
                name: logins_total
                help: Logins.
                match: 'Login (?<result>\w+)'
                labels:
                  result: '{{.result}}'
                  user: '{{{userTemplate}}}'
                  ip: '{{{ip}}}'
                  admin: '{{if eq {{{role}}} "admin"}}yes{{else}}no{{end}}'
            """);
        var outputs = dir.Path + "/rules";
        var imported = await LogMetricsCli.RunAsync(["import", "grok-exporter", config, "-o", outputs]);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Contains("--webhook-extra", imported.Stderr);
        if (format == "json_bulk")
        {
            Assert.Contains("with json_bulk, grok_exporter's .extra is {\"x\": the array element}", imported.Stderr);
        }

        string[][] runs =
        [
            ["run", "--config", config],
            ["run", "--progs", outputs, "--webhook", "/webhook", "--webhook-format", format, "--webhook-extra", "--emit-prog-label=false"],
        ];
        foreach (var args in runs)
        {
            await using var daemon = await DaemonProcess.StartWithArgsAsync(args);
            await daemon.WaitUntilAsync("/-/ready", HttpStatusCode.OK);
            var response = await daemon.Client.PostAsync(daemon.Url("/webhook"), new StringContent(body, Encoding.UTF8));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await daemon.WaitForValueAsync("logins_total", 1, ("admin", "yes"), ("ip", "1.1.1.1"), ("result", "ok"), ("user", "skeen"));
            if (format != "json_single")
            {
                // A key the object lacks is Go's <no value>.
                await daemon.WaitForValueAsync("logins_total", 1, ("admin", "no"), ("ip", "2.2.2.2"), ("result", "failed"), ("user", "<no value>"));
            }
        }
    }

    /// <summary>The daemon's own families beside the programs': logmetrics_* and prometheus-net's process, runtime and HTTP metrics.</summary>
    private static bool IsDaemonsOwn(string line)
    {
        var name = line.StartsWith('#') ? line.Split(' ')[2] : line.Split('{', ' ')[0];
        return name.StartsWith("logmetrics_", StringComparison.Ordinal) || name.StartsWith("process_", StringComparison.Ordinal)
            || name.StartsWith("dotnet_", StringComparison.Ordinal) || name.StartsWith("http_", StringComparison.Ordinal);
    }
}
