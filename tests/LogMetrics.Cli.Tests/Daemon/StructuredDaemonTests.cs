using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Daemon;

/// <summary>A json program in the daemon: lines appended to a followed file are decoded, and those that do not
/// decode show in the self-metrics and on the status page.</summary>
public sealed class StructuredDaemonTests
{
    [Fact]
    public async Task Undecoded_lines_show_in_self_metrics_and_on_the_status_page()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/app.rules", "counter app_lines_total by level\njson {\n  app_lines_total[$level]++\n}\n");
        var log = dir.Write("app.log", "");
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitUntilAsync("/-/ready", System.Net.HttpStatusCode.OK);

        File.AppendAllText(log, "{\"level\":\"info\"}\nplain text\n{\"level\":\n{\"level\":\"error\",\"n\":[1,{\"x\":null}]}\n");

        var text = await daemon.WaitForValueAsync("app_lines_total", 1, ("level", "error"));
        text = await daemon.WaitForValueAsync("logmetrics_program_lines_undecoded_total", 2, ("program", "app.rules"));
        Assert.Equal(1, ExpositionParser.Value(text, "app_lines_total", ("level", "info")));
        Assert.Equal(0, ExpositionParser.Value(text, "logmetrics_program_runtime_errors_total", ("program", "app.rules")));

        using var status = System.Text.Json.JsonDocument.Parse(await daemon.GetStringAsync("/-/status.json"));
        var program = status.RootElement.GetProperty("programs").EnumerateArray().Single();
        Assert.Equal(2, program.GetProperty("undecoded").GetInt64());
        var html = await daemon.GetStringAsync("/");
        var header = System.Text.RegularExpressions.Regex.Match(html, "<table id=\"programs\"><tr>(.*?)</tr>").Groups[1].Value;
        var column = System.Text.RegularExpressions.Regex.Matches(header, "<th>(.*?)</th>").Select(m => m.Groups[1].Value).ToList().IndexOf("Undecoded");
        Assert.True(column >= 0, header);
        var row = System.Text.RegularExpressions.Regex.Match(html, "<tr><td>app\\.rules</td>(.*?)</tr>").Groups[1].Value;
        var cells = System.Text.RegularExpressions.Regex.Matches("<td>app.rules</td>" + row, "<td>(.*?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("<span class=\"error\">2</span>", cells[column]);
    }
}
